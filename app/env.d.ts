/// <reference types="@remix-run/node" />

// The classic Remix compiler turns an imported stylesheet into its public URL.
declare module "*.css" {
  const href: string;
  export default href;
}

// React 18's Web-stream server renderer (entry.server.tsx), typed like the one in "react-dom/server".
declare module "react-dom/server.browser" {
  export { renderToReadableStream } from "react-dom/server";
}
