#include "parse/parse.h"

#include "parse/header.h"
#include "parse/kind.h"
#include "parse/layout.h"
#include "parse/outline.h"
#include "parse/recipients.h"
#include "parse/references.h"
#include "parse/reporting.h"
#include "parse/signers.h"
#include "parse/tasks.h"
#include "parse/tasks_scan.h"
#include "parse/times.h"

namespace dondoc::parse {

Document Parse(std::string_view text, const Source& source, std::vector<Warning> warnings,
               const ParseOptions& options) {
  Document doc;
  doc.source = source;
  doc.warnings = std::move(warnings);
  Header h = ExtractHeader(text);
  doc.issuer = std::move(h.issuer);
  doc.number = h.number;
  doc.number_span = h.number_span;
  doc.type = h.type;
  doc.type_name = h.type_name;
  doc.type_span = h.type_span;
  doc.place = h.place;
  doc.place_span = h.place_span;
  doc.date = h.date;
  doc.date_span = h.date_span;
  doc.title = h.title;
  doc.title_span = h.title_span;
  doc.attachments = std::move(h.attachments);
  for (Warning& w : h.warnings) doc.warnings.push_back(std::move(w));
  {
    const Layout layout(text);  // shared: both read the document's end by cells and lines
    doc.signers = ExtractSigners(layout);
    doc.recipients = ExtractRecipients(text, layout);
  }
  doc.outline = ExtractOutline(text);
  // The document folded once, for every extractor that matches without accents.
  const text::FoldedText folded = text::FoldMapped(text);
  doc.references = ExtractReferences(text, folded, doc.number);
  doc.kind = ClassifyKind(text, h, !doc.signers.empty(), !doc.recipients.empty());
  // Tasks, deadlines and reporting duties are read from official documents only: an article
  // about a plan reports tasks, it does not give them.
  if (!options.tasks) return doc;
  doc.times = ExtractTimes(text, folded, doc.date, &doc.warnings);
  if (doc.kind == "official") {
    // The operative part (outline index, sections, skipped preamble) read once for both.
    const Operative operative(text, folded, doc);
    doc.tasks = ExtractTasks(text, folded, doc, operative, &doc.warnings);
    doc.reporting = ExtractReporting(text, folded, operative);
  }
  return doc;
}

}  // namespace dondoc::parse
