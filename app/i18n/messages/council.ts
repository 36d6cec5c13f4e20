import { defineMessages } from "./define";

// Council screens of issue #15: the survey preview and the words shared by council pages.
export const council = defineMessages(
  {
    preview: {
      link: "Aperçu de l'enquête",
      title: "Aperçu : {title}",
      badge: "Aperçu",
      banner: "Voici l'enquête telle qu'une personne la verra. Rien n'est enregistré : vos clics ne comptent pas comme une réponse.",
      groupsLabel: "Voir l'enquête d'une partie prenante",
      currentGroup: "Enquête vue par : {group}",
      intro: "{count} questions. Parcourez-les avec « Suivant » et « Précédent ».",
      endTitle: "Fin de l'aperçu",
      endBody: "Ici, la personne relit ses réponses puis les envoie. Dans cet aperçu, rien n'a été envoyé ni enregistré.",
      restart: "Revoir depuis le début",
      back: "Revenir à la campagne",
      noQuestions: "Le cadre de cette campagne n'a aucune question pour cette partie prenante.",
    },
  },
  {
    preview: {
      link: "Preview the survey",
      title: "Preview: {title}",
      badge: "Preview",
      banner: "This is the survey as a respondent will see it. Nothing is saved: your clicks do not count as a response.",
      groupsLabel: "See the survey of a stakeholder group",
      currentGroup: "Survey as seen by: {group}",
      intro: "{count} questions. Go through them with “Next” and “Previous”.",
      endTitle: "End of the preview",
      endBody: "Here, the respondent checks their answers and sends them. In this preview, nothing was sent or saved.",
      restart: "See again from the start",
      back: "Back to the campaign",
      noQuestions: "This campaign's framework has no question for this stakeholder group.",
    },
  },
);
