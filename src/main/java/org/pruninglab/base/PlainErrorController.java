package org.pruninglab.base;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.boot.web.servlet.error.ErrorController;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.util.HtmlUtils;

/**
 * Spring Boot's error page, in place of the whitelabel page: a plain message for people (and a
 * small JSON object for programs), never an exception's text or stack trace. A server error gets an
 * id that the log has with the exception.
 */
@Controller
class PlainErrorController implements ErrorController {

  @RequestMapping(value = "/error", produces = MediaType.TEXT_HTML_VALUE)
  ResponseEntity<String> page(HttpServletRequest request) {
    Shown shown = shown(request);
    String body =
        "<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>"
            + shown.title
            + "</title></head><body style=\"font-family: sans-serif; max-width: 40em; margin: 3em"
            + " auto; padding: 0 1em\"><h1 id=\"error-title\">"
            + shown.title
            + "</h1><p id=\"error-message\">"
            + HtmlUtils.htmlEscape(shown.message)
            + "</p>"
            + (shown.id == null
                ? ""
                : "<p id=\"error-id\">" + UnexpectedErrors.idLine(shown.id) + "</p>")
            + "<p><a href=\"/\">Back to the home page</a></p></body></html>";
    return ResponseEntity.status(shown.status)
        .contentType(new MediaType(MediaType.TEXT_HTML, StandardCharsets.UTF_8))
        .body(body);
  }

  @RequestMapping("/error")
  ResponseEntity<Map<String, Object>> json(HttpServletRequest request) {
    Shown shown = shown(request);
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("status", shown.status.value());
    body.put("error", shown.title);
    if (shown.id != null) {
      body.put("errorId", shown.id);
    }
    return ResponseEntity.status(shown.status).body(body);
  }

  private record Shown(HttpStatus status, String title, String message, String id) {}

  private static Shown shown(HttpServletRequest request) {
    Object code = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
    // No status: someone opened /error itself, which is no page.
    HttpStatus status =
        code instanceof Integer c && HttpStatus.resolve(c) != null
            ? HttpStatus.resolve(c)
            : code == null ? HttpStatus.NOT_FOUND : HttpStatus.INTERNAL_SERVER_ERROR;
    Object error = request.getAttribute(RequestDispatcher.ERROR_EXCEPTION);
    if (status.is5xxServerError()) {
      Throwable cause =
          error instanceof Throwable t ? t : new IllegalStateException("error " + status.value());
      Object uri = request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI);
      String id = UnexpectedErrors.logged(cause, "serving " + (uri == null ? "/error" : uri));
      return new Shown(status, "Something went wrong", UnexpectedErrors.MESSAGE, id);
    }
    String message =
        switch (status) {
          case NOT_FOUND -> "There is no page at this address.";
          case UNAUTHORIZED -> "Please sign in first.";
          case FORBIDDEN -> "You do not have access to this page.";
          default -> "The request could not be handled (" + status.getReasonPhrase() + ").";
        };
    return new Shown(status, status.getReasonPhrase(), message, null);
  }
}
