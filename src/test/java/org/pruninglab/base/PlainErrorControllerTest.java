package org.pruninglab.base;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.servlet.RequestDispatcher;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.mock.web.MockHttpServletRequest;

@ExtendWith(OutputCaptureExtension.class)
class PlainErrorControllerTest {

  private final PlainErrorController controller = new PlainErrorController();

  @Test
  void an_unexpected_error_shows_a_plain_message_and_an_id_that_the_log_has_with_the_exception(
      CapturedOutput log) {
    MockHttpServletRequest request = new MockHttpServletRequest("GET", "/error");
    request.setAttribute(RequestDispatcher.ERROR_STATUS_CODE, 500);
    request.setAttribute(RequestDispatcher.ERROR_REQUEST_URI, "/leaderboard");
    request.setAttribute(
        RequestDispatcher.ERROR_EXCEPTION,
        new IllegalStateException("select pseudonym from account where secret = 42"));

    var response = controller.page(request);

    assertThat(response.getStatusCode().value()).isEqualTo(500);
    String page = response.getBody();
    String id = ShownErrors.idShownIn(page);
    assertThat(page).doesNotContain("IllegalStateException", "secret", "at org.", "Whitelabel");
    assertThat(log.getOut())
        .contains("Unexpected error " + id + " while serving /leaderboard")
        .contains("java.lang.IllegalStateException: select pseudonym from account where secret")
        .contains("at org.pruninglab.base.PlainErrorControllerTest");
  }

  @Test
  void a_program_gets_the_id_as_json_and_a_missing_page_gets_no_id() {
    MockHttpServletRequest failed = new MockHttpServletRequest("GET", "/error");
    failed.setAttribute(RequestDispatcher.ERROR_STATUS_CODE, 500);
    failed.setAttribute(RequestDispatcher.ERROR_EXCEPTION, new RuntimeException("inside"));
    assertThat(controller.json(failed).getBody())
        .containsEntry("status", 500)
        .containsKey("errorId")
        .doesNotContainValue("inside");

    MockHttpServletRequest missing = new MockHttpServletRequest("GET", "/error");
    missing.setAttribute(RequestDispatcher.ERROR_STATUS_CODE, 404);
    assertThat(controller.page(missing).getBody())
        .contains("There is no page at this address.")
        .doesNotContain("Error id");
  }
}
