package org.pruninglab.workspace.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dependency.CssImport;
import com.vaadin.flow.component.details.Details;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Pre;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.html.UnorderedList;
import com.vaadin.flow.component.icon.Icon;
import com.vaadin.flow.component.icon.VaadinIcon;
import java.time.ZoneId;
import java.util.function.IntConsumer;
import org.pruninglab.compile.Diagnostic;
import org.pruninglab.compile.PolicyViolation;
import org.pruninglab.grading.Verdict;
import org.pruninglab.submission.SubmissionKind;
import org.pruninglab.workspace.HistoryItem;
import org.pruninglab.workspace.ShownResult;
import org.pruninglab.workspace.ShownTest;

/**
 * One run's result: verdict in words, score, compiler messages, and each test the reader sees. The
 * students' pages and the staff's review page both show results with this panel (and its styles).
 */
@CssImport("./styles/workspace.css")
public class ResultPanel extends Div {

  private final String id;
  private final ZoneId zone;
  private final IntConsumer goToLine;

  public ResultPanel(ZoneId zone, IntConsumer goToLine) {
    this("result", zone, goToLine);
  }

  /**
   * @param id this panel's id, and the prefix of its parts' ids ({@code ID-headline}, …), so that a
   *     second panel on the page (an earlier run beside its code) has ids of its own
   */
  public ResultPanel(String id, ZoneId zone, IntConsumer goToLine) {
    this.id = id;
    this.zone = zone;
    this.goToLine = goToLine;
    setId(id);
    addClassName("result-panel");
    showNothing();
  }

  public void showNothing() {
    removeAll();
    add(
        new Paragraph(
            "No results yet. Run the public tests (Ctrl+Enter in the editor) for quick feedback,"
                + " or submit when you are ready."));
  }

  public void show(HistoryItem item) {
    removeAll();
    getElement().setAttribute("data-submission", String.valueOf(item.id()));
    String kind = item.kind() == SubmissionKind.RUN ? "Practice run" : "Submission";
    H3 title = new H3(kind + " #" + item.id() + " · " + Formats.clock(item.submittedAt(), zone));
    Badge.of(item).forEach(title::add);
    add(title);
    ShownResult r = item.result();
    if (r == null) {
      add(new Paragraph("Waiting for its result…"));
      return;
    }
    Paragraph headline = new Paragraph(r.headline());
    headline.setId(id + "-headline");
    headline.getElement().setAttribute("data-verdict", r.verdict().label());
    headline.getStyle().set("font-weight", "600");
    add(headline);
    boolean nothingRan =
        r.tests().isEmpty()
            && (r.verdict() == Verdict.CANCELLED || r.verdict() == Verdict.SUPERSEDED);
    if (!nothingRan && (r.maxScore() > 0 || !r.tests().isEmpty())) {
      Paragraph score =
          new Paragraph(
              "Score: "
                  + Formats.points(r.score())
                  + " / "
                  + Formats.points(r.maxScore())
                  + (r.tests().stream().anyMatch(t -> !t.counted())
                      ? " (visible tests only, until grades are released)"
                      : r.withheld() > 0 || item.kind() == SubmissionKind.RUN
                          ? " (the tests shown here)"
                          : ""));
      score.setId(id + "-score");
      add(score);
    }
    if (r.withheldNote() != null) {
      Paragraph note = new Paragraph(r.withheldNote());
      note.setId(id + "-withheld");
      note.getStyle().set("color", "var(--lumo-secondary-text-color)");
      add(note);
    }
    if (!r.diagnostics().isEmpty()) {
      add(diagnostics(r));
    }
    if (!r.violations().isEmpty()) {
      UnorderedList list = new UnorderedList();
      list.setId(id + "-violations");
      for (PolicyViolation v : r.violations()) {
        ListItem li = new ListItem(v.message());
        if (v.line() > 0) {
          li.add(lineButton(v.line()));
        }
        list.add(li);
      }
      add(list);
    }
    if (!r.tests().isEmpty()) {
      Div tests = new Div();
      tests.setId(id + "-tests");
      for (ShownTest t : r.tests()) {
        tests.add(testRow(t));
      }
      add(tests);
    }
    if (r.output() != null && !r.output().isBlank()) {
      Details outside = new Details("Printed outside any test (staff only)", printed(r.output()));
      outside.setId(id + "-output");
      add(outside);
    }
  }

  private Div diagnostics(ShownResult r) {
    Div box = new Div();
    box.setId(id + "-diagnostics");
    UnorderedList list = new UnorderedList();
    for (Diagnostic d : r.diagnostics()) {
      ListItem li = new ListItem();
      li.getElement().setAttribute("data-line", String.valueOf(d.line()));
      if (d.line() > 0) {
        li.add(lineButton((int) d.line()));
        li.add(new Span(" " + d.severity() + ": " + d.message()));
      } else {
        li.add(new Span(d.severity() + ": " + d.message()));
      }
      list.add(li);
    }
    box.add(list);
    return box;
  }

  private Button lineButton(int line) {
    Button b = new Button("line " + line, e -> goToLine.accept(line));
    b.addThemeVariants(ButtonVariant.LUMO_TERTIARY_INLINE, ButtonVariant.LUMO_SMALL);
    return b;
  }

  private static Div testRow(ShownTest t) {
    Div row = new Div();
    row.addClassName("test-row");
    row.getElement().setAttribute("data-passed", String.valueOf(t.passed()));
    Icon icon = (t.passed() ? VaadinIcon.CHECK_CIRCLE : VaadinIcon.CLOSE_CIRCLE).create();
    icon.setColor(t.passed() ? "var(--lumo-success-color)" : "var(--lumo-error-color)");
    icon.setSize("var(--lumo-icon-size-s)");
    // An image with a name: aria-label alone is not allowed on an element without a role.
    icon.getElement().setAttribute("role", "img");
    icon.getElement().setAttribute("aria-label", t.passed() ? "passed" : "failed");
    Span name = new Span(t.name() + (t.hidden() ? " (hidden test)" : ""));
    name.addClassName("test-name");
    Span points =
        new Span(
            t.counted()
                ? Formats.points(t.points()) + " / " + Formats.points(t.maxPoints()) + " pt"
                : "counts after release");
    points.addClassName("test-points");
    row.add(icon, name, points);
    if (!t.passed() && t.message() != null) {
      Div message = new Div(VisibleText.of(t.message()));
      message.addClassName("test-message");
      row.add(message);
    }
    if (t.output() != null && !t.output().isEmpty()) {
      Details output = new Details("What this test printed", printed(t.output()));
      output.addClassName("test-output");
      output.getStyle().set("width", "100%");
      row.add(output);
    }
    return row;
  }

  /** Printed text as text, with control characters shown as escapes, in a box that scrolls. */
  private static Pre printed(String text) {
    Pre out = new Pre(VisibleText.of(text));
    out.getStyle()
        .set("max-height", "16em")
        .set("overflow", "auto")
        .set("white-space", "pre-wrap")
        .set("overflow-wrap", "anywhere")
        .set("margin", "0");
    // It scrolls, so it must take keyboard focus (WCAG 2.1.1).
    out.getElement().setAttribute("tabindex", "0");
    return out;
  }
}
