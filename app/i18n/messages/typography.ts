import { defineMessages } from "./define";

// Punctuation that differs between the languages: French puts a space before « : », « ; » and
// inside guillemets; English does not and uses curly quotes. Components that join a label to
// a value use these instead of writing « : » themselves.
export const typography = defineMessages(
  { colon: " : ", semicolon: " ; ", quoted: "« {text} »" },
  { colon: ": ", semicolon: "; ", quoted: "“{text}”" },
);
