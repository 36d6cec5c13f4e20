import { defineMessages } from "./define";

// Pages of requests refused before they reach a route (server.ts), and the sign-in throttle.
export const security = defineMessages(
  {
    home: "Retour à l'accueil",
    forbiddenTitle: "Requête refusée",
    forbiddenBody:
      "Ce formulaire a été envoyé depuis un autre site que celui-ci : par précaution, rien n'a été enregistré. Rouvrez la page sur ce site et envoyez le formulaire de nouveau.",
    tooLargeTitle: "Envoi trop volumineux",
    tooLargeBody: "Ce que vous avez envoyé dépasse la taille acceptée ({size}). Réduisez le fichier ou le texte, puis réessayez.",
    badRequestTitle: "Requête invalide",
    badRequestBody: "Cette requête est mal formée : rien n'a été enregistré. Revenez à la page précédente et envoyez le formulaire de nouveau.",
    unsupportedTitle: "Format non pris en charge",
    unsupportedBody: "Ce formulaire doit être envoyé depuis la page du site (formulaire classique ou fichier joint). Rien n'a été enregistré.",
    tooManyAttempts: { one: "Trop de tentatives, réessayez dans {count} minute.", other: "Trop de tentatives, réessayez dans {count} minutes." },
  },
  {
    home: "Back to the home page",
    forbiddenTitle: "Request refused",
    forbiddenBody: "This form was sent from another site than this one: as a precaution, nothing was saved. Reopen the page on this site and send the form again.",
    tooLargeTitle: "Upload too large",
    tooLargeBody: "What you sent is larger than the accepted size ({size}). Make the file or text smaller, then try again.",
    badRequestTitle: "Invalid request",
    badRequestBody: "This request is malformed: nothing was saved. Go back to the previous page and send the form again.",
    unsupportedTitle: "Unsupported format",
    unsupportedBody: "This form must be sent from the site's page (a regular form or an attached file). Nothing was saved.",
    tooManyAttempts: { one: "Too many attempts, try again in {count} minute.", other: "Too many attempts, try again in {count} minutes." },
  },
);
