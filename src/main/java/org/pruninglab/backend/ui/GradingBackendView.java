package org.pruninglab.backend.ui;

import com.vaadin.flow.component.AttachEvent;
import com.vaadin.flow.component.DetachEvent;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Main;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.shared.Registration;
import jakarta.annotation.security.RolesAllowed;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Locale;
import org.pruninglab.account.Role;
import org.pruninglab.backend.BackendSnapshot;
import org.pruninglab.backend.BackendSnapshot.JobTiming;
import org.pruninglab.backend.BackendSnapshot.WorkerState;
import org.pruninglab.backend.GradingBackend;
import org.pruninglab.base.LabProperties;
import org.pruninglab.grading.DeviceLabel;
import org.pruninglab.workspace.ui.Formats;

/**
 * The grading backend for staff: queue length per band, every worker with its jobs, devices and GPU
 * slots, jobs that needed a second attempt or ended as a grader error, and the latest jobs with
 * their phase times. Refreshes itself every five seconds while open.
 */
@Route("backend")
@PageTitle("Grading backend · Pruning Lab")
@Menu(title = "Grading backend", order = 65, icon = "vaadin:server")
@RolesAllowed({Role.TA_NAME, Role.INSTRUCTOR_NAME})
class GradingBackendView extends Main {

  private final GradingBackend backend;
  private final ZoneId zone;
  private final Div summary = new Div();
  private final Grid<WorkerState> workers = new Grid<>();
  private final Grid<JobTiming> problems = new Grid<>();
  private final Grid<JobTiming> recent = new Grid<>();
  private final Paragraph noProblems = new Paragraph("No job needed a second attempt.");
  private Instant now = Instant.EPOCH; // set by every refresh, from the service's clock
  private Registration poll;

  GradingBackendView(GradingBackend backend, LabProperties properties) {
    this.backend = backend;
    this.zone = properties.timeZone();
    setId("backend-page");
    getStyle().set("padding", "var(--lumo-space-m) var(--lumo-space-l)");
    Button refresh = new Button("Refresh", e -> refresh());
    refresh.setId("backend-refresh");
    HorizontalLayout head = new HorizontalLayout(new H2("Grading backend"), refresh);
    head.setAlignItems(HorizontalLayout.Alignment.BASELINE);
    summary.setId("backend-summary");

    workers.setId("backend-workers");
    workers.setAllRowsVisible(true);
    // Every column in view at 1280 px: long values (worker ids, times) wrap rather than push the
    // last columns out of sight.
    workers.addThemeVariants(GridVariant.LUMO_COMPACT, GridVariant.LUMO_WRAP_CELL_CONTENT);
    workers.addColumn(WorkerState::id).setHeader("Worker").setFlexGrow(2);
    workers.addColumn(WorkerState::role).setHeader("Role").setAutoWidth(true);
    workers.addColumn(this::state).setHeader("State").setAutoWidth(true);
    workers.addColumn(w -> w.running() + " of " + w.threads()).setHeader("Jobs running");
    workers.addColumn(w -> DeviceLabel.of(w.devices())).setHeader("Devices").setAutoWidth(true);
    workers
        .addColumn(w -> w.gpuSlots() == 0 ? "—" : w.gpuInUse() + " of " + w.gpuSlots())
        .setHeader("GPU slots used");
    workers.addColumn(WorkerState::graded).setHeader("Graded");
    workers.addColumn(w -> Formats.clock(w.startedAt(), zone)).setHeader("Started");

    problems.setId("backend-problems");
    problems.setAllRowsVisible(true);
    problems.addThemeVariants(GridVariant.LUMO_COMPACT, GridVariant.LUMO_WRAP_CELL_CONTENT);
    jobColumns(problems);

    recent.setId("backend-recent");
    recent.setHeight("28rem");
    recent.addThemeVariants(GridVariant.LUMO_COMPACT, GridVariant.LUMO_WRAP_CELL_CONTENT);
    jobColumns(recent);

    add(
        head,
        summary,
        new H3("Workers"),
        workers,
        new H3("Retried and failed jobs"),
        noProblems,
        problems,
        new H3("Latest jobs"),
        recent);
    refresh();
  }

  private void jobColumns(Grid<JobTiming> grid) {
    grid.addComponentColumn(
            j -> {
              // The review page's route, as a router link: navigation without a page load.
              Anchor link = new Anchor("review/" + j.submissionId(), "#" + j.submissionId());
              link.getElement().setAttribute("router-link", true);
              return link;
            })
        .setHeader("Job")
        .setAutoWidth(true);
    grid.addColumn(JobTiming::student).setHeader("Student").setAutoWidth(true);
    grid.addColumn(JobTiming::exerciseId).setHeader("Exercise").setAutoWidth(true);
    grid.addColumn(j -> j.kind().label()).setHeader("Kind").setAutoWidth(true);
    grid.addColumn(j -> j.queuedAt() == null ? "" : Formats.clock(j.queuedAt(), zone))
        .setHeader("Queued")
        .setFlexGrow(2);
    grid.addColumn(j -> seconds(j.waited(now))).setHeader("Waited");
    grid.addColumn(j -> j.ran() == null ? "" : seconds(j.ran())).setHeader("Ran");
    grid.addColumn(j -> j.worker() == null ? "" : j.worker()).setHeader("Worker").setFlexGrow(2);
    grid.addColumn(j -> DeviceLabel.of(j.device())).setHeader("Device");
    grid.addColumn(JobTiming::attempts).setHeader("Attempts");
    grid.addColumn(
            j -> j.verdict() != null ? j.verdict() : j.status().name().toLowerCase(Locale.ROOT))
        .setHeader("Result")
        .setFlexGrow(2);
  }

  private String state(WorkerState w) {
    if (w.stoppedAt() != null) {
      return "stopped " + Formats.clock(w.stoppedAt(), zone);
    }
    if (w.alive()) {
      return "live";
    }
    return "silent for " + seconds(Duration.between(w.lastSeen(), now));
  }

  private void refresh() {
    BackendSnapshot s = backend.snapshot();
    now = s.at();
    summary.removeAll();
    summary.add(
        fact(
            "backend-queued",
            "Queued",
            s.queuedTotal()
                + " (runs "
                + s.queued().get("run")
                + " · submissions "
                + s.queued().get("submission")
                + " · batch "
                + s.queued().get("batch")
                + ")"),
        fact(
            "backend-running",
            "Running",
            s.running() + " on " + plural(s.aliveWorkers(), "live worker")),
        fact(
            "backend-gpu",
            "GPU slots in use",
            s.gpuSlots() == 0 ? "no GPU worker" : s.gpuSlotsInUse() + " of " + s.gpuSlots()),
        fact(
            "backend-times",
            "Recent jobs",
            "wait median "
                + seconds(s.waitMedian())
                + ", p95 "
                + seconds(s.waitP95())
                + " · run median "
                + seconds(s.runMedian())
                + ", p95 "
                + seconds(s.runP95())));
    workers.setItems(s.workers());
    problems.setItems(s.problems());
    problems.setVisible(!s.problems().isEmpty());
    noProblems.setVisible(s.problems().isEmpty());
    recent.setItems(s.recent());
  }

  private static Div fact(String id, String label, String value) {
    Span name = new Span(label + ": ");
    name.getStyle().set("color", "var(--lumo-secondary-text-color)");
    Span text = new Span(value);
    text.setId(id);
    return new Div(name, text);
  }

  private static String seconds(Duration d) {
    return String.format(Locale.ROOT, "%.1f s", d.toMillis() / 1000.0);
  }

  @Override
  protected void onAttach(AttachEvent event) {
    event.getUI().setPollInterval(5000);
    poll = event.getUI().addPollListener(e -> refresh());
  }

  @Override
  protected void onDetach(DetachEvent event) {
    if (poll != null) {
      poll.remove();
    }
    event.getUI().setPollInterval(-1);
  }

  private static String plural(long n, String noun) {
    return n + " " + noun + (n == 1 ? "" : "s");
  }
}
