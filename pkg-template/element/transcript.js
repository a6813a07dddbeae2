// A CLR as a transcript: its achievements grouped by their associations,
// each nested credential with its own verdict, added in batches.

import { inBatches, unfinished } from "./batches.js";
import { childSummary } from "./check-list.js";
import { el } from "./dom.js";
import { localized } from "./i18n.js";
import { facts, familyOf, first, formatDate, learnerOf, many, partyLine, partyOf, readEmbedded, recordName, results, sentence } from "./record-fields.js";

/**
 * A CLR as a transcript: its achievements grouped by the parent named in
 * its associations (`isParentOf` / `isChildOf`), each with its results and
 * the verdict of the nested credential that carries it.
 */
export function transcript(document, report, t) {
  const language = t.language;
  const subject = first(document.credentialSubject) ?? {};
  const items = many(subject.verifiableCredential).map((item, index, all) => {
    const credential = readEmbedded(item);
    const pointer = `/credentialSubject/verifiableCredential${Array.isArray(subject.verifiableCredential) ? `/${index}` : ""}`;
    const child = (report.children ?? []).find((candidate) => candidate.pointer === pointer);
    return { credential, child, index, total: all.length };
  });
  const parentOf = parents(many(subject.association));
  const groups = new Map();
  for (const item of items) {
    const achievementId = first(item.credential?.credentialSubject)?.achievement?.id;
    const parent = parentOf.get(achievementId);
    const key = parent ?? "";
    if (!groups.has(key)) groups.set(key, []);
    groups.get(key).push(item);
  }
  const nameOfAchievement = achievementNames(items, language);
  const name = recordName(document, language);
  const jobs = [];
  const section = el("section", { class: "record transcript", part: "record" }, [
    el("h3", { class: "record-name", text: name }),
    el("p", { class: "sentence" }, sentence(document, name, t)),
    el("p", { class: "note", text: t("record.nameNote") }),
    facts([
      [t("record.kind"), t(`family.${familyOf(document)}`)],
      [t("record.issuedBy"), partyLine(partyOf(document.issuer, language))],
      [t("record.issuedTo"), partyLine(learnerOf(subject, language))],
      [t("record.validFrom"), formatDate(document.validFrom ?? document.issuanceDate, t)],
    ]),
    ...[...groups].map(([parent, members]) =>
      el("section", { class: "group", "data-group": parent }, [
        el("h4", { text: parent ? t("record.group", { name: nameOfAchievement.get(parent) ?? parent }) : t("record.ungrouped") }),
        later(el("ol", { class: "entries" }), members, (member) => el("li", {}, [entry(member, t)]), jobs),
      ])),
  ]);
  unfinished.set(section, inBatches(jobs));
  return section;
}

/** `list`, with one job per item that appends what `build` makes of it. */
function later(list, items, build, jobs) {
  jobs.push(...items.map((item) => () => list.append(build(item))));
  return list;
}

/** One line of the transcript: the achievement, its results and its credential's verdict. */
function entry({ credential, child }, t) {
  const language = t.language;
  const subject = first(credential?.credentialSubject) ?? {};
  const title = credential ? recordName(credential, language) : "?";
  const report = child?.report;
  return el("article", { class: "entry", "data-pointer": child?.pointer, "data-verdict": report?.verdict }, [
    report ? childSummary(report, title, t) : el("p", { class: "child-title", text: title }),
    facts([
      [t("record.description"), localized(subject.achievement?.description, language)],
      [t("record.validFrom"), formatDate(credential?.validFrom ?? credential?.issuanceDate, t)],
    ]),
    results(subject.result, t),
  ]);
}

/** Achievement id → its parent's id, from CLR associations. */
function parents(associations) {
  const parentOf = new Map();
  for (const association of associations) {
    const { associationType: kind, sourceId, targetId } = association ?? {};
    if (kind === "isParentOf") parentOf.set(targetId, sourceId);
    if (kind === "isChildOf") parentOf.set(sourceId, targetId);
  }
  return parentOf;
}

function achievementNames(items, language) {
  const names = new Map();
  for (const { credential } of items) {
    const achievement = first(credential?.credentialSubject)?.achievement;
    if (achievement?.id) names.set(achievement.id, localized(achievement.name, language) ?? achievement.id);
  }
  return names;
}
