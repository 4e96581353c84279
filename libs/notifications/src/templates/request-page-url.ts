/**
 * Where a person views a request: the one place that says it. Until the console serves
 * `/requests/:id`, that is the API's view of the request.
 */
export function requestPageUrl(publicUrl: string, requestId: string): string {
  return `${publicUrl}/v1/requests/${encodeURIComponent(requestId)}`;
}
