package org.pruninglab.shell.ui;

import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Main;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.ErrorParameter;
import com.vaadin.flow.router.HasErrorParameter;
import com.vaadin.flow.server.auth.AnonymousAllowed;
import jakarta.servlet.http.HttpServletResponse;
import org.pruninglab.base.UnexpectedErrors;

/**
 * Shown in place of a page that failed to open, instead of Vaadin's page with the stack trace: a
 * plain message and the error id under which the log keeps the exception. No layout around it, so
 * that it still shows when the layout is what failed.
 */
@AnonymousAllowed
class UnexpectedErrorView extends Main implements HasErrorParameter<Exception> {

  UnexpectedErrorView() {
    setId("unexpected-error");
    getStyle().set("padding", "var(--lumo-space-l)");
  }

  @Override
  public int setErrorParameter(BeforeEnterEvent event, ErrorParameter<Exception> parameter) {
    String id =
        UnexpectedErrors.logged(
            parameter.getCaughtException(), "opening /" + event.getLocation().getPath());
    removeAll();
    Paragraph errorId = new Paragraph(UnexpectedErrors.idLine(id));
    errorId.setId("error-id");
    add(
        new H2("Something went wrong"),
        new Paragraph(UnexpectedErrors.MESSAGE),
        errorId,
        new Anchor("/", "Back to the home page"));
    return HttpServletResponse.SC_INTERNAL_SERVER_ERROR;
  }
}
