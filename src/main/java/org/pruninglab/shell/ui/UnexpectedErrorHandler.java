package org.pruninglab.shell.ui;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.server.ErrorEvent;
import com.vaadin.flow.server.ErrorHandler;
import com.vaadin.flow.server.ServiceInitEvent;
import com.vaadin.flow.server.VaadinServiceInitListener;
import org.pruninglab.base.UnexpectedErrors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Errors after a page has opened (a click whose listener throws): a notification with the error id
 * instead of Vaadin's default, which in development mode shows the stack trace.
 */
@Component
class UnexpectedErrorHandler implements VaadinServiceInitListener, ErrorHandler {

  private static final Logger log = LoggerFactory.getLogger(UnexpectedErrorHandler.class);

  @Override
  public void serviceInit(ServiceInitEvent event) {
    event.getSource().addSessionInitListener(e -> e.getSession().setErrorHandler(this));
  }

  @Override
  public void error(ErrorEvent event) {
    Throwable error = event.getThrowable();
    if (clientWentAway(error)) {
      log.debug("The browser closed the connection", error);
      return;
    }
    String id = UnexpectedErrors.logged(error, "handling a request of a page");
    UI ui = UI.getCurrent();
    if (ui != null) {
      Notification shown =
          new Notification(UnexpectedErrors.MESSAGE + " " + UnexpectedErrors.idLine(id), 10_000);
      shown.setId("unexpected-error-notice");
      shown.addThemeVariants(NotificationVariant.LUMO_ERROR);
      shown.open();
    }
  }

  /** A closed tab or lost network, which Vaadin's own handler leaves out of the log too. */
  private static boolean clientWentAway(Throwable error) {
    for (Throwable t = error; t != null; t = t.getCause()) {
      String name = t.getClass().getName();
      if (name.endsWith("ClientAbortException") || name.endsWith("EofException")) {
        return true;
      }
    }
    return false;
  }
}
