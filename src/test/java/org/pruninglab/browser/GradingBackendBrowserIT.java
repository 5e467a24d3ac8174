package org.pruninglab.browser;

import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Page;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;
import org.pruninglab.Environment.Need;
import org.pruninglab.Needs;

/**
 * The grading backend as staff see it: the backend page lists this node's in-process worker and the
 * job an instructor just ran with its phase times and device; the metrics are there for instructors
 * only, health for anyone.
 */
@Needs({Need.CHROMIUM, Need.SANDBOX})
@LabServers.Shared(LabServers.DemoCourse.class)
class GradingBackendBrowserIT {

  private static LabServer server;
  private static Chromium chromium;

  @Test
  void the_backend_page_shows_the_worker_and_the_job_with_its_device_and_times() {
    Page page = chromium.newPage();
    Chromium.signInAndWait(page, server, "instructor", "demo-instructor");
    page.navigate(server.url("/exercise/kthvalue"));
    page.locator("#run-public").click();
    page.waitForCondition(
        () -> page.locator("#result-headline").count() > 0,
        new Page.WaitForConditionOptions().setTimeout(120_000));

    page.navigate(server.url("/backend"));
    page.locator("#backend-workers").waitFor();
    page.waitForCondition(
        () -> page.locator("#backend-recent").textContent().contains("CPU"),
        new Page.WaitForConditionOptions().setTimeout(30_000));

    String workers = page.locator("#backend-workers").textContent();
    assertThat(workers).contains("-web", "live", "CPU", "0 of 1");
    String recent = page.locator("#backend-recent").textContent();
    assertThat(recent).contains("instructor", "kthvalue", "run", "CPU").doesNotContain("cpu()");
    assertThat(page.locator("#backend-queued").textContent()).startsWith("0 (runs 0");
    assertThat(page.locator("#backend-running").textContent()).isEqualTo("0 on 1 live worker");
    assertThat(page.locator("#backend-gpu").textContent()).isEqualTo("no GPU worker");
    assertThat(page.locator("#backend-times").textContent()).startsWith("wait median ");
    // Every column of both grids in view at 1280 px, the last ("Result") included.
    Chromium.assertNoCutOffText(page, "#backend-workers");
    Chromium.assertNoCutOffText(page, "#backend-recent");
    Chromium.screenshot(page, "backend");
  }

  @Test
  void metrics_are_for_instructors_and_health_is_for_anyone() throws Exception {
    HttpResponse<String> health = Http.get(server, "/actuator/health", null);
    assertThat(health.statusCode()).isEqualTo(200);
    assertThat(health.body()).isEqualTo("{\"status\":\"UP\"}");
    // A signed-in student learns no more: no database, no disk, no absolute paths.
    HttpResponse<String> student = Http.get(server, "/actuator/health", "alice:demo-student");
    assertThat(student.statusCode()).isEqualTo(200);
    assertThat(student.body()).isEqualTo("{\"status\":\"UP\"}");
    assertThat(Http.get(server, "/actuator/health", "ta:demo-ta-pass").body())
        .isEqualTo("{\"status\":\"UP\"}");
    // Instructors see the details.
    assertThat(Http.get(server, "/actuator/health", "instructor:demo-instructor").body())
        .contains("\"components\"", "\"db\"", "\"diskSpace\"");

    assertThat(Http.get(server, "/actuator/prometheus", null).statusCode()).isEqualTo(401);
    assertThat(Http.get(server, "/actuator/prometheus", "alice:demo-student").statusCode())
        .isEqualTo(403);
    assertThat(Http.get(server, "/actuator/prometheus", "instructor:wrong-password").statusCode())
        .isEqualTo(401);

    // The per-worker rows appear with the first refresh after start (every 5 s).
    HttpResponse<String> metrics =
        Http.get(server, "/actuator/prometheus", "instructor:demo-instructor");
    for (int i = 0; i < 30 && !metrics.body().contains("lab_grading_worker_running"); i++) {
      Thread.sleep(500);
      metrics = Http.get(server, "/actuator/prometheus", "instructor:demo-instructor");
    }
    assertThat(metrics.statusCode()).isEqualTo(200);
    assertThat(metrics.body())
        .contains("lab_grading_queue{band=\"run\"}")
        .contains("lab_grading_queue{band=\"batch\"}")
        .contains("lab_grading_workers 1.0")
        .contains("lab_grading_gpu_slots 0.0")
        .contains("lab_grading_worker_running{worker=\"");
  }
}
