"""An ordinary MLflow training script: nothing in it knows about AISimulation.

It trains a linear classifier on scikit-learn's bundled digits, two learning rates, logging the
way MLflow's documentation shows (set_experiment, start_run, log_params, log_metric per epoch,
MlflowClient.log_batch), then finds the best run with search_runs and reads its curve back with
get_metric_history. Pointed at this service with MLFLOW_TRACKING_URI and MLFLOW_TRACKING_TOKEN
(docs/mlflow.md), it runs unchanged; bench/mlflow/client-check.sh does exactly that.
"""

import time

import mlflow
import numpy as np
from mlflow import MlflowClient
from mlflow.entities import Metric, Param, RunTag
from sklearn.datasets import load_digits
from sklearn.linear_model import SGDClassifier
from sklearn.metrics import log_loss
from sklearn.model_selection import train_test_split

EXPERIMENT = "digits-sgd"
EPOCHS = 20

mlflow.set_experiment(EXPERIMENT)
features, labels = load_digits(return_X_y=True)
x_train, x_test, y_train, y_test = train_test_split(
    features / 16.0, labels, test_size=0.25, random_state=0
)
classes = np.unique(labels)

for alpha in (0.0001, 0.01):
    with mlflow.start_run(run_name=f"sgd-alpha-{alpha}") as run:
        mlflow.log_params({"alpha": alpha, "epochs": EPOCHS, "loss": "log_loss"})
        model = SGDClassifier(loss="log_loss", alpha=alpha, random_state=0)
        for epoch in range(EPOCHS):
            model.partial_fit(x_train, y_train, classes=classes)
            mlflow.log_metric("val_loss", log_loss(y_test, model.predict_proba(x_test)), step=epoch)
        now = int(time.time() * 1000)
        MlflowClient().log_batch(
            run.info.run_id,
            metrics=[
                Metric("val_acc", model.score(x_test, y_test), now, EPOCHS),
                Metric("train_acc", model.score(x_train, y_train), now, EPOCHS),
            ],
            params=[Param("n_train", str(len(x_train)))],
            tags=[RunTag("stage", "evaluated")],
        )

best = mlflow.search_runs(
    experiment_names=[EXPERIMENT], order_by=["metrics.val_acc DESC"], max_results=1
)
best_id = best["run_id"][0]
history = MlflowClient().get_metric_history(best_id, "val_loss")
print(f"best run {best_id} ({best['tags.mlflow.runName'][0]}): val_acc {best['metrics.val_acc'][0]:.3f}")
print("val_loss by epoch:", ", ".join(f"{metric.value:.3f}" for metric in history))
