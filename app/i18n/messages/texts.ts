import { defineMessages } from "./define";

// Written answers: their moderation (/campaigns/:id/texts) and how an indicator's page shows them.
export const texts = defineMessages(
  {
    title: "Réponses écrites à relire — {title}",
    intro: "Personne ne lit une réponse écrite dans les résultats avant qu'elle soit relue ici. Approuvez-la telle quelle, réécrivez-la sans noms ni lieux (le texte d'origine n'est pas gardé), ou écartez-la.",
    withheld: "Certaines réponses écrites ne sont pas proposées : elles viennent d'un groupe de moins de {threshold} personnes ayant écrit, où un texte pourrait désigner son auteur·rice. Elles ne seront jamais montrées.",
    none: "Aucune réponse écrite à relire.",
    notYet: "Les réponses écrites se relisent une fois la campagne clôturée.",
    status: { pending: "À relire", approved: "Approuvée", rejected: "Écartée" },
    rewrite: "Texte réécrit sans noms ni lieux (pour « Anonymiser »)",
    approve: "Approuver",
    anonymise: "Anonymiser",
    reject: "Écarter",
    saved: "Décision enregistrée.",
    link: "Relire les réponses écrites avant qu'elles soient lues",
    context: "{project} · {group}",
    published: "Ce que les personnes ont écrit",
    publishedMethod: "Réponses écrites relues et approuvées avant publication, montrées seulement pour une partie prenante où au moins {threshold} personnes ont écrit ; dans un ordre sans rapport avec celui des réponses.",
    noneApproved: "Aucune réponse écrite approuvée pour ce projet.",
    errors: {
      anonymiseText: "Réécrivez le texte sans noms ni lieux : il doit changer.",
      tooLong: "Le texte est trop long : 4 000 caractères au plus.",
    },
  },
  {
    title: "Written answers to review — {title}",
    intro: "Nobody reads a written answer in the results before it is reviewed here. Approve it as it is, rewrite it without names or places (the original text is not kept), or set it aside.",
    withheld: "Some written answers are not offered: they come from a group where fewer than {threshold} people wrote, where a text could point at its author. They will never be shown.",
    none: "No written answer to review.",
    notYet: "Written answers are reviewed once the campaign is closed.",
    status: { pending: "To review", approved: "Approved", rejected: "Set aside" },
    rewrite: "Text rewritten without names or places (for “Anonymise”)",
    approve: "Approve",
    anonymise: "Anonymise",
    reject: "Set aside",
    saved: "Decision saved.",
    link: "Review the written answers before anyone reads them",
    context: "{project} · {group}",
    published: "What people wrote",
    publishedMethod: "Written answers reviewed and approved before publication, shown only for a stakeholder group where at least {threshold} people wrote; in an order unrelated to the order of the answers.",
    noneApproved: "No approved written answer for this project.",
    errors: {
      anonymiseText: "Rewrite the text without names or places: it must change.",
      tooLong: "The text is too long: 4,000 characters at most.",
    },
  },
);
