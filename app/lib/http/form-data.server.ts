import { MaxPartSizeExceededError, unstable_createMemoryUploadHandler, unstable_parseMultipartFormData } from "@remix-run/node";

/** A 400 for a body that is not a readable form (bad multipart, cut-off body…): never a 500. */
export function badRequest(): Response {
  return new Response("Requête invalide : ce formulaire est mal formé. Revenez à la page et envoyez-le de nouveau.", {
    status: 400,
    headers: { "Content-Type": "text/plain; charset=utf-8" },
  });
}

/** Every action reads its form through this: a body that is not a form is answered 400. */
export async function readFormData(request: Request): Promise<FormData> {
  try {
    return await request.formData();
  } catch {
    throw badRequest();
  }
}

/** A form with a file kept in memory up to maxPartSize bytes: "tooLarge" past it, 400 if malformed. */
export async function readUploadFormData(request: Request, maxPartSize: number): Promise<FormData | "tooLarge"> {
  try {
    return await unstable_parseMultipartFormData(request, unstable_createMemoryUploadHandler({ maxPartSize }));
  } catch (error) {
    if (error instanceof MaxPartSizeExceededError) return "tooLarge";
    throw badRequest();
  }
}
