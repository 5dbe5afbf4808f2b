#!/usr/bin/env python3
"""Trains a small neural network on scikit-learn's bundled digits, for real.

A program for a machine's programs file (docs/programs.md): 8x8 images of
handwritten digits (1,797 of them, shipped with scikit-learn, no download),
a network of one hidden layer written in NumPy, trained by minibatch SGD
with momentum. After each epoch it prints a metric record on stdout, which
its worker stores as the run's curves, and a line for its log:

    {"aisim_metrics": {"loss": 0.41, "val_loss": 0.45, "val_acc": 0.91}, "step": 3}

Its params come as arguments (and as AISIM_PARAM_* variables, and in
AISIM_PARAMS_FILE). On one CPU core it converges in a few seconds.
"""

import argparse
import json
import sys
import time

import numpy as np
from sklearn.datasets import load_digits


def parse_args(argv):
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--lr", type=float, default=0.1)
    parser.add_argument("--epochs", type=int, default=30)
    parser.add_argument("--hidden", type=int, default=64)
    parser.add_argument("--batch-size", type=int, default=32)
    parser.add_argument("--momentum", type=float, default=0.9)
    parser.add_argument("--seed", type=int, default=0)
    return parser.parse_args(argv)


def split(features, labels, rng, validation_share=0.2):
    order = rng.permutation(len(labels))
    cut = int(len(labels) * (1 - validation_share))
    return (features[order[:cut]], labels[order[:cut]]), (features[order[cut:]], labels[order[cut:]])


def softmax(logits):
    shifted = logits - logits.max(axis=1, keepdims=True)
    exp = np.exp(shifted)
    return exp / exp.sum(axis=1, keepdims=True)


class Network:
    """64 inputs, one hidden layer of ReLUs, 10 classes."""

    def __init__(self, inputs, hidden, classes, rng):
        self.w1 = rng.normal(0, np.sqrt(2 / inputs), (inputs, hidden))
        self.b1 = np.zeros(hidden)
        self.w2 = rng.normal(0, np.sqrt(2 / hidden), (hidden, classes))
        self.b2 = np.zeros(classes)
        self.velocity = [np.zeros_like(p) for p in self.parameters()]

    def parameters(self):
        return [self.w1, self.b1, self.w2, self.b2]

    def forward(self, x):
        hidden = np.maximum(0, x @ self.w1 + self.b1)
        return hidden, softmax(hidden @ self.w2 + self.b2)

    def loss_and_accuracy(self, x, y):
        _, probabilities = self.forward(x)
        loss = -np.log(probabilities[np.arange(len(y)), y] + 1e-12).mean()
        accuracy = (probabilities.argmax(axis=1) == y).mean()
        return float(loss), float(accuracy)

    def step(self, x, y, lr, momentum):
        hidden, probabilities = self.forward(x)
        grad_logits = probabilities
        grad_logits[np.arange(len(y)), y] -= 1
        grad_logits /= len(y)
        grad_hidden = (grad_logits @ self.w2.T) * (hidden > 0)
        gradients = [x.T @ grad_hidden, grad_hidden.sum(axis=0), hidden.T @ grad_logits, grad_logits.sum(axis=0)]
        for parameter, velocity, gradient in zip(self.parameters(), self.velocity, gradients):
            velocity *= momentum
            velocity -= lr * gradient
            parameter += velocity


def main(argv):
    args = parse_args(argv)
    rng = np.random.default_rng(args.seed)
    digits = load_digits()
    features = digits.data / 16.0  # pixel intensities are 0 to 16
    (x_train, y_train), (x_val, y_val) = split(features, digits.target, rng)
    network = Network(features.shape[1], args.hidden, 10, rng)
    print(f"training on {len(y_train)} digits, validating on {len(y_val)}; {json.dumps(vars(args))}", flush=True)
    started = time.monotonic()
    for epoch in range(1, args.epochs + 1):
        order = rng.permutation(len(y_train))
        for start in range(0, len(order), args.batch_size):
            batch = order[start : start + args.batch_size]
            network.step(x_train[batch], y_train[batch], args.lr, args.momentum)
        loss, accuracy = network.loss_and_accuracy(x_train, y_train)
        val_loss, val_acc = network.loss_and_accuracy(x_val, y_val)
        record = {"loss": loss, "val_loss": val_loss, "val_acc": val_acc, "train_acc": accuracy}
        print(json.dumps({"aisim_metrics": record, "step": epoch}), flush=True)
        print(f"epoch {epoch}: loss {loss:.4f} val_loss {val_loss:.4f} val_acc {val_acc:.4f}", flush=True)
        if not np.isfinite(loss):
            print("the loss diverged: try a smaller --lr", file=sys.stderr, flush=True)
            return 1
    print(f"done in {time.monotonic() - started:.1f} s: val_acc {val_acc:.4f}", flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
