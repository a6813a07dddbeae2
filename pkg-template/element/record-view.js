// The record as a person reads it: an Open Badge as a card, a CLR as a
// transcript (transcript.js), anything else as its facts.

import { el } from "./dom.js";
import { localized } from "./i18n.js";
import { alignments, criteria, facts, familyOf, first, formatDate, image, learnerOf, partyLine, partyOf, recordName, results, sentence, text, typesOf } from "./record-fields.js";
import { transcript } from "./transcript.js";

/**
 * The record itself: a CLR as a transcript, a badge as a card, a
 * presentation or other credential as its facts. Uses `report.document`
 * (the option `includeDocument`); without it, the report's summary.
 */
export function renderRecord(report, t) {
  const document = report.document;
  if (!document || typeof document !== "object") return summaryCard(report.credential, t);
  const types = typesOf(document);
  if (types.includes("ClrCredential")) return transcript(document, report, t);
  return badgeCard(document, t);
}

function summaryCard(summary, t) {
  if (!summary) return null;
  return el("section", { class: "record card", part: "record" }, [
    el("h3", { text: summary.achievement?.name ?? summary.name ?? t(`family.${summary.family}`) }),
    facts([
      [t("record.issuedBy"), partyLine(summary.issuer)],
      [t("record.issuedTo"), partyLine(summary.subject)],
      [t("record.validFrom"), formatDate(summary.validFrom, t)],
    ]),
  ]);
}

/** An Open Badge (or any credential) as a card: image, name, what, who, when. */
function badgeCard(document, t) {
  const language = t.language;
  const subject = first(document.credentialSubject) ?? {};
  const achievement = subject.achievement ?? {};
  const name = recordName(document, language);
  return el("section", { class: "record card", part: "record" }, [
    image(achievement.image ?? document.image, name, t),
    el("h3", { class: "record-name", text: name }),
    el("p", { class: "sentence" }, sentence(document, name, t)),
    el("p", { class: "note", text: t("record.nameNote") }),
    facts([
      [t("record.kind"), t(`family.${familyOf(document)}`)],
      [t("record.achievementType"), text(achievement.achievementType)],
      [t("record.description"), localized(achievement.description ?? document.description, language)],
      [t("record.criteria"), criteria(achievement.criteria, language)],
      [t("record.issuedBy"), partyLine(partyOf(document.issuer, language))],
      [t("record.issuedTo"), partyLine(learnerOf(subject, language))],
      [t("record.validFrom"), formatDate(document.validFrom ?? document.issuanceDate, t)],
      [t("record.validUntil"), formatDate(document.validUntil ?? document.expirationDate, t)],
      [t("record.identifier"), text(document.id)],
    ]),
    alignments(achievement.alignment, t),
    results(subject.result, t),
  ]);
}
