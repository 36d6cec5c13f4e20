// Single fetch: loaders and actions return plain objects (or `data()` for a status), and
// `useLoaderData<typeof loader>` infers their types without JSON serialisation.
import "@remix-run/node";

declare module "@remix-run/node" {
  interface Future {
    v3_singleFetch: true;
  }
}
