package org.pruninglab.shell.ui;

import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.HasText;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.ErrorParameter;
import com.vaadin.flow.router.Location;
import java.util.Optional;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.mockito.Mockito;
import org.pruninglab.base.ShownErrors;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.security.authorization.AuthorizationDeniedException;

/** Vaadin's page for an exception while opening a page, replaced by ours. */
@ExtendWith(OutputCaptureExtension.class)
class UnexpectedErrorViewTest {

  @Test
  void a_page_that_fails_to_open_shows_a_plain_message_and_an_id_never_the_stack_trace(
      CapturedOutput log) {
    UnexpectedErrorView view = new UnexpectedErrorView();
    // The event as the router hands it to an error view: only its location is read.
    BeforeEnterEvent event = Mockito.mock(BeforeEnterEvent.class);
    Mockito.when(event.getLocation()).thenReturn(new Location("leaderboard"));
    var failure =
        new AuthorizationDeniedException("Access Denied in SubmissionService.submissionsOf");

    int status = view.setErrorParameter(event, new ErrorParameter<>(Exception.class, failure));

    assertThat(status).isEqualTo(500);
    String shown =
        view.getChildren()
            .map(c -> c instanceof HasText t ? t.getText() : "")
            .collect(Collectors.joining("\n"));
    String id = ShownErrors.idShownIn(shown);
    assertThat(shown).doesNotContain("Exception", "Access Denied", "submissionsOf", "at org.");
    assertThat(log.getOut())
        .contains("Unexpected error " + id + " while opening /leaderboard")
        .contains("AuthorizationDeniedException: Access Denied in SubmissionService.submissionsOf");
    assertThat(view.getChildren().map(Component::getId).flatMap(Optional::stream))
        .contains("error-id");
  }
}
