/**
 * Where a person views a request: the one place that says it. The console's request page, which
 * signs the person in first when needed (`/v1/requests/:id` stays the API's view of it).
 */
export function requestPageUrl(publicUrl: string, requestId: string): string {
  return `${publicUrl}/requests/${encodeURIComponent(requestId)}`;
}
