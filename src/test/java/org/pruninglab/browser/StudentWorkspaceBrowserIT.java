package org.pruninglab.browser;

import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.pruninglab.Environment.Need;
import org.pruninglab.Needs;
import org.pruninglab.TestFiles;

/**
 * A student works on the kthvalue exercise in the browser, with the real sandbox grading their
 * code: types a solution, runs the public tests, submits and sees the result arrive by push, looks
 * at the pictures, makes a compile error, reloads, and compares two submissions.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
@Needs({Need.CHROMIUM, Need.SANDBOX})
@LabServers.Shared(LabServers.DemoCourse.class)
class StudentWorkspaceBrowserIT {

  private static LabServer server;
  private static Chromium chromium;
  private static final String reference =
      TestFiles.read("grader/kthvalue/reference/KthvaluePruning.java");

  @Test
  @Order(1)
  void a_student_solves_runs_submits_and_compares() throws IOException {
    Page page = chromium.newPage();
    Chromium.signInAndWait(page, server, "alice", "demo-student");
    page.navigate(server.url("/exercises"));
    page.locator("#exercises a[data-exercise='kthvalue']").click();
    Locator editor = page.locator("lab-code-editor .cm-content");
    editor.waitFor();
    // The statement is rendered Markdown with KaTeX math.
    page.locator("lab-markdown[data-rendered] .katex").first().waitFor();
    assertThat(page.locator("lab-markdown h2").first().textContent()).isEqualTo("What to write");
    Chromium.screenshot(page, "exercise-before");

    replaceCode(page, reference);
    page.waitForCondition(() -> page.locator("#save-state").textContent().startsWith("Saved"));

    // Ctrl+Enter in the editor runs the public tests; they never count.
    editor.click();
    page.keyboard().press("Control+Enter");
    waitForResult(page, "Practice run");
    assertThat(page.locator("#result-headline").textContent())
        .isEqualTo("All 2 public tests passed.");
    assertThat(page.locator("#result-withheld").textContent())
        .contains("Practice run of the public tests only", "16 more hidden tests");

    // Submit: the result arrives by push, without the page reloading.
    page.evaluate("() => window.__samePage = true");
    page.locator("#submit").click();
    page.locator("#progress[data-phase]").waitFor();
    waitForResult(page, "Submission");
    assertThat(page.evaluate("() => window.__samePage === true")).isEqualTo(true);
    String headline = page.locator("#result-headline").textContent();
    assertThat(headline).isEqualTo("All 2 public tests passed.").doesNotContain("All tests");
    assertThat(page.locator("#result-withheld").textContent())
        .startsWith("16 hidden tests will run after the deadline");
    assertThat(page.locator("#result-tests .test-row").count()).isEqualTo(2);
    Chromium.screenshot(page, "exercise-after");

    // The pictures of what the pruning did, drawn from the run's data.
    page.getByRole(AriaRole.TAB, new Page.GetByRoleOptions().setName("Pictures")).click();
    Locator histograms = page.locator("#pictures [data-picture='histogram']");
    histograms.first().waitFor();
    assertThat(histograms.count()).isEqualTo(2);
    assertThat(histograms.first().getAttribute("data-bins")).isEqualTo("40");
    assertThat(histograms.nth(1).locator("svg rect").count()).isGreaterThan(40);
    assertThat(Long.parseLong(histograms.nth(1).getAttribute("data-zeros")))
        .isGreaterThan(Long.parseLong(histograms.first().getAttribute("data-zeros")));
    assertThat(page.locator("#pictures [data-picture='mask'] svg rect").count()).isGreaterThan(10);
    assertThat(page.locator("#pictures [data-picture='kernels'] svg rect").count())
        .isGreaterThan(32);
    assertThat(
            page.locator(
                    "#pictures [data-picture='curve'] svg polyline, #pictures"
                        + " [data-picture='curve'] svg path")
                .count())
        .isGreaterThan(0);
    assertThat(page.locator("#metrics-table tr[data-metric='sparsity'] td").textContent())
        .startsWith("90.");
    assertThat(page.locator("#metrics-table tr[data-metric='device'] td").textContent())
        .isEqualTo("CPU");
    Chromium.screenshot(page, "exercise-pictures");

    // A compile error is underlined at its line and listed with it.
    String broken = reference.replaceFirst("return ", "return return ");
    int line = lineOf(broken, "return return ");
    replaceCode(page, broken);
    page.locator("#run-public").click();
    page.getByRole(AriaRole.TAB, new Page.GetByRoleOptions().setName("Results")).click();
    page.locator("#result-diagnostics").waitFor();
    assertThat(page.locator("#result-headline").getAttribute("data-verdict"))
        .isEqualTo("compile error");
    assertThat(page.locator("#result-diagnostics li").first().getAttribute("data-line"))
        .isEqualTo(String.valueOf(line));
    Locator underlined = page.locator(".cm-lintRange-error").first();
    underlined.waitFor();
    int shownLine =
        ((Number)
                page.evaluate(
                    "() => { const host = document.querySelector('lab-code-editor');"
                        + " const el = host.shadowRoot.querySelector('.cm-lintRange-error');"
                        + " const view = host._view;"
                        + " return view.state.doc.lineAt(view.posAtDOM(el)).number; }"))
            .intValue();
    assertThat(shownLine).isEqualTo(line);
    Chromium.screenshot(page, "exercise-compile-error");

    // Reloading finds the draft as it was left.
    page.waitForCondition(() -> page.locator("#save-state").textContent().startsWith("Saved"));
    page.reload();
    page.locator("lab-code-editor .cm-content").waitFor();
    page.waitForCondition(() -> code(page).contains("return return "));

    // The history lists every run; two of them compared side by side.
    page.getByRole(AriaRole.TAB, new Page.GetByRoleOptions().setName("History")).click();
    Locator rows =
        page.locator("#history-grid vaadin-checkbox:has(input[aria-label='Select Row'])");
    page.waitForCondition(() -> rows.count() >= 3);
    rows.nth(0).click();
    rows.nth(1).click();
    page.locator("#compare").click();
    page.locator("#diff").waitFor();
    assertThat(page.locator("#diff tr[data-change='changed']").count()).isGreaterThan(0);
    assertThat(page.locator("#diff-summary").textContent())
        .matches("1 line differs\\.|\\d+ lines differ\\.");
    page.waitForTimeout(600); // the dialog's opening animation, for the screenshot only
    Chromium.screenshot(page, "exercise-diff");
  }

  @Test
  @Order(2)
  void after_grading_the_page_shows_the_result_and_the_exercises_page_the_score() {
    Page page = chromium.newPage();
    Chromium.signInAndWait(page, server, "alice", "demo-student");
    page.navigate(server.url("/exercise/kthvalue"));
    page.locator("#result-headline").waitFor();
    page.navigate(server.url("/exercises"));
    page.locator("#exercises").waitFor();
    String grid = page.locator("#exercises").innerText();
    assertThat(grid).contains("Magnitude pruning with a kthvalue threshold", "2 / 2", "submitted");
    page.navigate(server.url("/submissions"));
    page.locator("#submissions-grid").waitFor();
    page.waitForCondition(
        () -> page.locator("#submissions-grid").innerText().contains("practice run"));
    // Practice runs carry the shared practice badge, its meaning as the tooltip.
    assertThat(
            page.locator("#submissions-grid [data-badge='practice']").first().getAttribute("title"))
        .isEqualTo("A practice run of the public tests: never counts.");
    Chromium.screenshot(page, "my-submissions");
  }

  @Test
  @Order(3)
  void two_tabs_do_not_overwrite_each_other_silently() {
    Page first = chromium.newPage();
    Chromium.signInAndWait(first, server, "bob", "demo-student");
    BrowserContext context = first.context();
    openKthvalue(first);
    Page second = context.newPage();
    openKthvalue(second);

    replaceCode(first, "// from the first tab\n");
    first.waitForCondition(() -> first.locator("#save-state").textContent().startsWith("Saved"));
    replaceCode(second, "// from the second tab\n");
    second.locator("#draft-conflict").waitFor();
    assertThat(second.locator("#draft-conflict").textContent())
        .contains("saved elsewhere", "nothing was overwritten");
    second.locator("#conflict-keep").click();
    second.waitForCondition(() -> second.locator("#save-state").textContent().startsWith("Saved"));
  }

  @Test
  @Order(4)
  void a_draft_over_the_limit_is_refused_and_the_last_good_one_kept() {
    Page page = chromium.newPage();
    Chromium.signInAndWait(page, server, "chen", "demo-student");
    openKthvalue(page);
    replaceCode(page, "// good draft\n");
    page.waitForCondition(() -> page.locator("#save-state").textContent().startsWith("Saved"));
    replaceCode(page, "// too large\n" + "x".repeat(300 * 1024));
    page.waitForCondition(
        () -> "refused".equals(page.locator("#save-state").getAttribute("data-state")));
    assertThat(page.locator("#save-state").textContent()).contains("limited to 262,144 bytes");

    // Another browser (no local copy) gets the last good draft from the server.
    Page other = chromium.newPage();
    Chromium.signInAndWait(other, server, "chen", "demo-student");
    openKthvalue(other);
    other.waitForCondition(() -> code(other).startsWith("// good draft"));
  }

  @Test
  @Order(5)
  void a_student_prints_to_debug_and_cancels_a_run_that_hangs() {
    Page page = chromium.newPage();
    Chromium.signInAndWait(page, server, "bob", "demo-student");
    openKthvalue(page);
    String signature = "public static float kthSmallest(float[] values, int n, int k) {";
    replaceCode(
        page,
        reference.replace(
            signature,
            signature
                + "\n    System.out.println(\"debug: n=\" + n + \", k=\" + k"
                + " + \" \\u001b[31mred\\u001b[0m\");"));
    page.locator("#run-public").click();
    waitForResult(page, "Practice run");
    Locator printed = page.locator("#result-tests .test-output").first();
    printed.locator("vaadin-details-summary").click();
    assertThat(printed.locator("pre").textContent())
        .matches("(?s)debug: n=\\d+, k=\\d+ \\\\x1b\\[31mred\\\\x1b\\[0m\n.*");
    printed.scrollIntoViewIfNeeded();
    Chromium.screenshot(page, "exercise-printed");

    replaceCode(
        page, reference.replace(signature, signature + "\n    while (n > 0) { Math.sqrt(n); }"));
    page.locator("#run-public").click();
    page.locator("#progress[data-phase='running']").waitFor();
    Locator cancel = page.locator("#cancel-run");
    cancel.waitFor();
    Chromium.screenshot(page, "exercise-running");
    cancel.click();
    page.waitForCondition(
        () -> "cancelled".equals(page.locator("#result-headline").getAttribute("data-verdict")),
        new Page.WaitForConditionOptions().setTimeout(20_000));
    assertThat(page.locator("#result-headline").textContent())
        .isEqualTo("Cancelled by you while it ran. The code of this run is kept.");
    assertThat(page.locator("#run-public").isEnabled()).isTrue();
    assertThat(page.locator("#result-score").count())
        .as("no score for a run that ran nothing")
        .isZero();
    Chromium.screenshot(page, "exercise-cancelled");
  }

  @Test
  @Order(6)
  void an_earlier_run_opens_beside_its_own_code_and_restoring_it_keeps_the_draft() {
    Page page = chromium.newPage();
    Chromium.signInAndWait(page, server, "alice", "demo-student");
    openKthvalue(page);
    // alice's newest run (first test) has a compile error; her draft has moved on since.
    String broken = reference.replaceFirst("return ", "return return ");
    int line = lineOf(broken, "return return ");
    String today = "// today's draft, unrelated to that run\n";
    replaceCode(page, today);
    // Saved on the server: the browser drops its own copy once the server confirms this text.
    page.waitForCondition(
        () ->
            page.evaluate("() => localStorage.getItem('pruninglab.draft.alice.kthvalue')") == null);

    page.getByRole(AriaRole.TAB, new Page.GetByRoleOptions().setName("History")).click();
    page.locator("#history-grid [data-open]").first().click();
    // A dialog's content lies in its overlay, not inside the element with its id.
    Locator diagnostics = page.locator("#earlier-result-diagnostics");
    diagnostics.waitFor();
    page.waitForCondition(() -> broken.equals(value(page, "#earlier-code-editor")));
    assertThat(page.locator("#earlier-code-editor .cm-content").getAttribute("aria-readonly"))
        .isEqualTo("true");
    // Its "line N" goes to line N of the code that ran, not of today's draft.
    diagnostics.getByText("line " + line).first().click();
    page.waitForCondition(() -> cursorLine(page, "#earlier-code-editor") == line);
    assertThat(code(page)).isEqualTo(today);
    Chromium.screenshot(page, "exercise-earlier-run");

    // Restoring asks first, then keeps today's draft under Earlier drafts.
    page.locator("#restore-into-editor").click();
    page.getByText(Pattern.compile("^Replace your draft with the code of practice run #\\d+\\?$"))
        .waitFor();
    page.getByText(Pattern.compile("^Your current draft is kept under Earlier drafts, where"))
        .waitFor();
    page.locator("#restore-confirm-ok").click();
    page.waitForCondition(() -> code(page).equals(broken));
    page.waitForCondition(() -> page.locator("#earlier-code-editor").count() == 0);
    page.getByRole(AriaRole.TAB, new Page.GetByRoleOptions().setName("Earlier drafts")).click();
    Locator kept = page.locator("#draft-history-grid");
    kept.getByText(Pattern.compile("^restored practice run #\\d+$")).first().waitFor();
    page.waitForTimeout(400); // the notification's animation, for the screenshot only
    Chromium.screenshot(page, "exercise-earlier-drafts");

    // An earlier draft can be viewed read-only and restored in turn.
    page.locator("#draft-history-grid [data-view-draft]").first().click();
    page.waitForCondition(() -> today.equals(value(page, "#earlier-code-editor")));
    page.locator("#restore-into-editor").click();
    page.locator("#restore-confirm-ok").click();
    page.waitForCondition(() -> code(page).equals(today));
    page.waitForCondition(() -> page.locator("#draft-history-grid [data-view-draft]").count() == 2);
    assertThat(page.locator("#draft-history-grid").innerText())
        .contains("restored the draft kept ");

    // My submissions opens a run the same way: its code beside its result.
    page.navigate(server.url("/submissions"));
    page.locator("#submissions-grid").getByText("Your code does not compile").first().click();
    page.locator("#earlier-result-diagnostics").waitFor();
    page.waitForCondition(() -> broken.equals(value(page, "#earlier-code-editor")));
    assertThat(code(page)).isEqualTo(today);
  }

  private static String value(Page page, String selector) {
    return (String)
        page.evaluate(
            "s => { const e = document.querySelector(s); return e && e.value; }", selector);
  }

  private static int cursorLine(Page page, String selector) {
    return ((Number)
            page.evaluate(
                "s => { const v = document.querySelector(s)._view;"
                    + " return v.state.doc.lineAt(v.state.selection.main.head).number; }",
                selector))
        .intValue();
  }

  @Test
  @Order(7)
  void a_sensitivity_submission_draws_one_curve_per_layer_with_the_dense_line() {
    Page page = chromium.newPage();
    Chromium.signInAndWait(page, server, "alice", "demo-student");
    submitReference(page, "sensitivity", "grader/sensitivity/reference/SensitivityScan.java");
    page.getByRole(AriaRole.TAB, new Page.GetByRoleOptions().setName("Pictures")).click();
    Locator charts = page.locator("#pictures #charts [data-picture='chart']");
    charts.first().waitFor();
    // The trained CNN's four prunable layers, each scanned over the six grid sparsities.
    assertThat(charts.count()).isEqualTo(4);
    for (int i = 0; i < charts.count(); i++) {
      Locator chart = charts.nth(i);
      assertThat(chart.getAttribute("data-title")).contains(".weight");
      assertThat(chart.locator("svg g.series").first().getAttribute("data-points")).isEqualTo("6");
      assertThat(chart.locator("svg circle").count()).isEqualTo(6);
      assertThat(chart.locator("svg line.reference").count()).isGreaterThanOrEqualTo(1);
      assertThat(chart.locator("svg text.x-axis").textContent()).isNotBlank();
      assertThat(chart.locator("svg text.y-axis").textContent()).isNotBlank();
    }
    assertThat(page.locator("#metrics-table").textContent())
        .contains("chosen sparsity, conv1.weight");
    Chromium.screenshot(page, "sensitivity-pictures");
    charts.first().scrollIntoViewIfNeeded();
    Chromium.screenshot(page, "sensitivity-charts");
  }

  @Test
  @Order(8)
  void a_gradual_submission_draws_its_schedule_step_by_step() {
    Page page = chromium.newPage();
    Chromium.signInAndWait(page, server, "alice", "demo-student");
    submitReference(page, "gradual", "grader/gradual/reference/GradualPruner.java");
    page.getByRole(AriaRole.TAB, new Page.GetByRoleOptions().setName("Pictures")).click();
    Locator chart = page.locator("#pictures #charts [data-picture='chart']");
    chart.first().waitFor();
    assertThat(chart.count()).isEqualTo(1);
    assertThat(chart.getAttribute("data-title")).contains("step");
    // Target and achieved sparsity at step 0 and after each of the 48 steps; the accuracy every
    // fourth step.
    Locator series = chart.locator("svg g.series");
    assertThat(series.count()).isEqualTo(3);
    assertThat(series.nth(0).getAttribute("data-points")).isEqualTo("49");
    assertThat(series.nth(1).getAttribute("data-points")).isEqualTo("49");
    assertThat(series.nth(2).getAttribute("data-points")).isEqualTo("13");
    assertThat(chart.locator("svg line.reference").count()).isEqualTo(1);
    assertThat(chart.locator("svg text.x-axis").textContent()).contains("step");
    chart.scrollIntoViewIfNeeded();
    Chromium.screenshot(page, "gradual-chart");
  }

  @Test
  @Order(9)
  void a_two_four_submission_shows_its_pattern_and_its_point_on_the_exercise_s_results_page() {
    Page page = chromium.newPage();
    Chromium.signInAndWait(page, server, "alice", "demo-student");
    submitReference(page, "two-four", "grader/two-four/reference/TwoFourSparsity.java");
    page.getByRole(AriaRole.TAB, new Page.GetByRoleOptions().setName("Pictures")).click();
    Locator mask = page.locator("#pictures [data-picture='mask']");
    mask.waitFor();
    assertThat(page.locator("#pictures").textContent())
        .contains("accuracy fine-tuned, unstructured to the same sparsity");
    mask.scrollIntoViewIfNeeded();
    Chromium.screenshot(page, "two-four-pictures");

    // The course overview: every exercise in course order, what it teaches and its points.
    page.navigate(server.url("/exercises"));
    page.locator("[data-teaches='two-four']").waitFor();
    assertThat(
            page.locator("#exercises a[data-exercise]")
                .evaluateAll("as => as.map(a => a.getAttribute('data-exercise'))"))
        .isEqualTo(
            List.of(
                "kthvalue",
                "mask-fine-tune",
                "filter-pruning",
                "sensitivity",
                "iterative",
                "gradual",
                "neuron-pruning",
                "two-four",
                "distillation",
                "lottery-ticket"));
    assertThat(page.locator("[data-teaches='two-four']").textContent())
        .isEqualTo(
            "19 points · what shape pays off on hardware: 2:4 semi-structured sparsity, kept"
                + " through fine-tuning");
    Chromium.assertNoCutOffText(page, "#exercises");
    page.setViewportSize(1280, 1100);
    Chromium.screenshot(page, "exercises-overview");
    page.setViewportSize(1280, 800);

    // The TA opens the exercise's own results page: alice's result is a point of its chart.
    Page ta = chromium.newPage();
    Locator pareto = openParetoAsTa(ta, "two-four");
    assertThat(ta.locator("#analytics-exercise").textContent()).contains("two-four");
    assertThat(pareto.locator("text.x-axis").textContent())
        .isEqualTo("test accuracy right after pruning (%)");
    assertThat(pareto.locator("text.y-axis").textContent())
        .isEqualTo("test accuracy after fine-tuning (%)");
    assertThat(pareto.locator("text.title").textContent())
        .isEqualTo("Best result per student: accuracy right after pruning and after fine-tuning");
    assertThat(ta.locator("#analytics-page").textContent())
        .contains("on the Pareto front (no one more accurate both before and after fine-tuning)");
    assertThat(
            ((Number) pareto.locator("text.title").evaluate("t => t.getBBox().width"))
                .doubleValue())
        .as("the title's width in the chart's 640 px")
        .isLessThan(630);
    assertThat(
            pareto
                .locator("text.legend")
                .evaluateAll(
                    "ts => ts.length == 2 && ts[0].getBBox().x + ts[0].getBBox().width + 8"
                        + " < ts[1].getBBox().x && ts[1].getBBox().x + ts[1].getBBox().width"
                        + " < 640"))
        .as("the legend's two entries side by side, inside the chart")
        .isEqualTo(true);
    assertThat(pareto.locator("circle title").allTextContents())
        .anySatisfy(t -> assertThat(t).startsWith("alice: "));
    assertThat(ta.locator("#most-failed-none").textContent())
        .isEqualTo("No test failed on any student's latest graded submission.");
    ta.setViewportSize(1280, 1900);
    Chromium.screenshot(ta, "analytics-two-four");
    ta.setViewportSize(1280, 800);
    // An exercise that does not exist: said so, no error page.
    ta.navigate(server.url("/analytics/no-such-exercise"));
    ta.locator("#analytics-unknown").waitFor();
    assertThat(ta.locator("#analytics-unknown").textContent())
        .contains("There is no exercise 'no-such-exercise'");
  }

  @Test
  @Order(10)
  void a_neuron_pruning_submission_shows_what_removing_neurons_buys() {
    Page page = chromium.newPage();
    Chromium.signInAndWait(page, server, "alice", "demo-student");
    submitReference(page, "neuron-pruning", "grader/neuron-pruning/reference/NeuronPruner.java");
    assertThat(page.locator("#result-headline").textContent())
        .isEqualTo("All 2 public tests passed.");
    page.getByRole(AriaRole.TAB, new Page.GetByRoleOptions().setName("Pictures")).click();
    Locator table = page.locator("#pictures #metrics-table");
    table.waitFor();
    // The three inference times side by side, with the counts that explain them.
    for (String metric : List.of("latency.dense", "latency.unstructured", "latency.pruned")) {
      assertThat(table.locator("tr[data-metric='" + metric + "'] td").textContent())
          .as(metric)
          .matches("[0-9.]+ ms");
    }
    assertThat(table.locator("tr[data-metric='latency.unstructured'] th").textContent())
        .isEqualTo("inference time, dense shapes with as many zeros");
    assertThat(table.locator("tr[data-metric='parameters'] td").textContent()).isEqualTo("242,762");
    assertThat(table.locator("tr[data-metric='macs'] td").textContent()).isEqualTo("242,304");
    assertThat(table.locator("tr[data-metric='macs.before'] td").textContent())
        .isEqualTo("566,528");
    table.scrollIntoViewIfNeeded();
    Chromium.screenshot(page, "neuron-pruning-metrics");
    // Beside it, the statement says why the zeros buy no time.
    assertThat(page.locator(".statement").textContent()).contains("Why the zeros buy no time.");

    // The TA's page of the exercise: parameters against accuracy, fewer parameters better.
    Page ta = chromium.newPage();
    Locator pareto = openParetoAsTa(ta, "neuron-pruning");
    assertThat(pareto.locator("text.x-axis").textContent()).isEqualTo("parameters");
    assertThat(pareto.locator("text.y-axis").textContent()).isEqualTo("test accuracy (%)");
    assertThat(pareto.locator("text.title").textContent())
        .isEqualTo("Best pruning result per student: parameters vs test accuracy");
    assertThat(ta.locator("#analytics-page").textContent())
        .contains("no one both smaller and more accurate");
    assertThat(pareto.locator("circle title").allTextContents())
        .anySatisfy(t -> assertThat(t).startsWith("alice: "));
    pareto.scrollIntoViewIfNeeded();
    Chromium.screenshot(ta, "analytics-neuron-pruning");
  }

  @Test
  @Order(11)
  void the_distillation_statement_shows_its_loss_as_a_formula_and_its_worked_example() {
    Page page = chromium.newPage();
    Chromium.signInAndWait(page, server, "alice", "demo-student");
    page.navigate(server.url("/exercise/distillation"));
    page.locator("lab-code-editor .cm-content").waitFor();
    Locator statement = page.locator(".statement");
    statement.locator(".katex-display").first().waitFor();
    assertThat(statement.locator(".katex-error").count()).isZero();
    statement.locator(".katex-display").first().scrollIntoViewIfNeeded();
    Chromium.screenshot(page, "distillation-statement");
    assertThat(
            statement
                .locator(".katex-display")
                .evaluateAll("ds => ds.filter(d => d.scrollWidth > d.clientWidth + 1).length"))
        .as("formulas wider than the statement's column")
        .isEqualTo(0);
    assertThat(statement.locator("table").first().textContent()).contains("0.1709094");
  }

  @Test
  @Order(12)
  void a_lottery_ticket_submission_draws_the_ticket_against_a_random_re_initialisation() {
    Page page = chromium.newPage();
    Chromium.signInAndWait(page, server, "alice", "demo-student");
    submitReference(page, "lottery-ticket", "grader/lottery-ticket/reference/LotteryTicket.java");
    page.getByRole(AriaRole.TAB, new Page.GetByRoleOptions().setName("Pictures")).click();
    Locator chart = page.locator("#pictures #charts [data-picture='chart']");
    chart.first().waitFor();
    assertThat(chart.getAttribute("data-title")).contains("random re-initialisation");
    // Test accuracy at step 0 and every 10th of the 60 retraining steps, for both.
    Locator series = chart.locator("svg g.series");
    assertThat(series.count()).isEqualTo(2);
    assertThat(series.nth(0).getAttribute("data-points")).isEqualTo("7");
    assertThat(series.nth(1).getAttribute("data-points")).isEqualTo("7");
    assertThat(chart.locator("svg line.reference").count()).isEqualTo(1);
    assertThat(
            page.locator("#metrics-table tr[data-metric='accuracy.random-reinit'] th")
                .textContent())
        .isEqualTo("accuracy of a random re-initialisation with the same masks");
    chart.scrollIntoViewIfNeeded();
    Chromium.screenshot(page, "lottery-ticket-chart");
  }

  /** Signs the TA in on {@code ta}, opens the exercise's analytics page, waits for its chart. */
  private static Locator openParetoAsTa(Page ta, String exerciseId) {
    Chromium.signInAndWait(ta, server, "ta", "demo-ta-pass");
    ta.navigate(server.url("/analytics/" + exerciseId));
    Locator pareto = ta.locator("[data-picture='pareto'] svg");
    pareto.waitFor();
    return pareto;
  }

  /** Submits the pack's reference in the exercise's editor and waits for its graded result. */
  private static void submitReference(Page page, String exerciseId, String reference) {
    page.navigate(server.url("/exercise/" + exerciseId));
    page.locator("lab-code-editor .cm-content").waitFor();
    replaceCode(page, TestFiles.read(reference));
    page.waitForCondition(() -> page.locator("#save-state").textContent().startsWith("Saved"));
    page.locator("#submit").click();
    waitForResult(page, "Submission");
  }

  /** Opens the kthvalue exercise page and waits for its editor. */
  private static void openKthvalue(Page page) {
    page.navigate(server.url("/exercise/kthvalue"));
    page.locator("lab-code-editor .cm-content").waitFor();
  }

  /** Selects everything in the editor and inserts {@code text} as one input (as a paste). */
  private static void replaceCode(Page page, String text) {
    page.locator("lab-code-editor .cm-content").click();
    page.keyboard().press("Control+A");
    page.keyboard().insertText(text);
    try {
      page.waitForCondition(
          () -> code(page).equals(text), new Page.WaitForConditionOptions().setTimeout(5000));
    } catch (RuntimeException e) {
      try {
        Files.writeString(Path.of("/tmp/got.txt"), code(page));
        Files.writeString(Path.of("/tmp/want.txt"), text);
      } catch (IOException io) {
      }
      throw e;
    }
  }

  private static String code(Page page) {
    return (String) page.evaluate("() => document.querySelector('#code-editor').value");
  }

  private static void waitForResult(Page page, String kind) {
    page.waitForCondition(
        () ->
            page.locator("#result h3").count() > 0
                && page.locator("#result h3").textContent().startsWith(kind)
                && page.locator("#result-headline").count() > 0,
        new Page.WaitForConditionOptions().setTimeout(120_000));
  }

  private static int lineOf(String text, String needle) {
    int index = text.indexOf(needle);
    return (int) text.substring(0, index).chars().filter(c -> c == '\n').count() + 1;
  }
}
