import http from 'node:http';

/** Connections kept between requests, as autocannon keeps its own. */
const agent = new http.Agent({ keepAlive: true });

/**
 * POSTs `body` and answers the status and text of the reply: the load
 * generator's client for timed loops. node:http over a kept-alive agent
 * rather than fetch, whose streams cost the client (on the same two cores as
 * the server) a few tenths of a millisecond more per request, figures it
 * would take from whichever side it reports for.
 */
export function keepAlivePost(
  url: string,
  headers: Record<string, string>,
  body: string,
): Promise<{ status: number; text: string }> {
  // Encoded once, here: a large string handed to the request is written out slower than fetch sends it.
  const bytes = Buffer.from(body);
  return new Promise((resolve, reject) => {
    const request = http.request(
      url,
      {
        method: 'POST',
        agent,
        headers: { ...headers, 'content-length': String(bytes.length) },
      },
      (response) => {
        const chunks: Buffer[] = [];
        response.on('data', (chunk: Buffer) => chunks.push(chunk));
        response.on('end', () =>
          resolve({ status: response.statusCode ?? 0, text: Buffer.concat(chunks).toString() }),
        );
        response.on('error', reject);
      },
    );
    request.on('error', reject);
    request.end(bytes);
  });
}
