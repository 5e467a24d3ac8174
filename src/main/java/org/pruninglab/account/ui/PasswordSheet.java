package org.pruninglab.account.ui;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.apache.commons.csv.QuoteMode;
import org.pruninglab.account.IssuedPassword;

/**
 * Just-issued one-time passwords as a CSV file and as a printable page of slips, made in memory
 * from the list the service returned: nothing here is stored.
 */
final class PasswordSheet {

  private static final CSVFormat CSV =
      CSVFormat.DEFAULT.builder().setQuoteMode(QuoteMode.ALL).setRecordSeparator("\r\n").get();

  private PasswordSheet() {}

  /** RFC 4180, UTF-8 with a byte-order mark so that spreadsheets read accented names right. */
  static byte[] csv(List<IssuedPassword> passwords) {
    StringWriter out = new StringWriter().append('\uFEFF');
    try (CSVPrinter printer = new CSVPrinter(out, CSV)) {
      printer.printRecord("username", "display name", "one-time password");
      for (IssuedPassword p : passwords) {
        printer.printRecord(p.username(), noFormula(p.displayName()), p.password());
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toString().getBytes(StandardCharsets.UTF_8);
  }

  /** One slip per person, to print and cut along the dashed lines. */
  static byte[] html(String courseName, List<IssuedPassword> passwords) {
    StringBuilder html =
        new StringBuilder(
            """
            <!doctype html>
            <html lang="en"><head><meta charset="utf-8">
            <title>One-time passwords</title>
            <style>
            body { font-family: system-ui, sans-serif; margin: 1.5cm; color: #1a1a1a; }
            .note { max-width: 40em; }
            .slip { border: 1px dashed #777; padding: 0.6em 1em; margin: 0 0 0.6em;
                    break-inside: avoid; display: grid; grid-template-columns: 9em 1fr;
                    gap: 0.15em 1em; }
            .slip dt { color: #555; }
            .slip dd { margin: 0; overflow-wrap: anywhere; }
            .password { font-family: ui-monospace, monospace; font-size: 1.25em; }
            @media print { .note { display: none; } body { margin: 1cm; } }
            </style></head><body>
            """);
    html.append("<h1>One-time passwords · ").append(escape(courseName)).append("</h1>\n");
    html.append(
        "<p class=\"note\">Print this page and cut along the dashed lines. These passwords are not"
            + " stored anywhere in clear: this page is their only copy. Each person must choose a"
            + " new password at their first sign-in.</p>\n");
    for (IssuedPassword p : passwords) {
      html.append("<dl class=\"slip\">")
          .append("<dt>Name</dt><dd>")
          .append(escape(p.displayName()))
          .append("</dd><dt>Username</dt><dd>")
          .append(escape(p.username()))
          .append("</dd><dt>Password</dt><dd class=\"password\">")
          .append(escape(p.password()))
          .append("</dd><dt>Next step</dt><dd>Sign in to ")
          .append(escape(courseName))
          .append(" and choose your own password.</dd></dl>\n");
    }
    return html.append("</body></html>\n").toString().getBytes(StandardCharsets.UTF_8);
  }

  // A name a spreadsheet would run as a formula gets a leading apostrophe.
  private static String noFormula(String field) {
    return !field.isEmpty() && "=+-@\t\r".indexOf(field.charAt(0)) >= 0 ? "'" + field : field;
  }

  private static String escape(String text) {
    return text.replace("&", "&amp;")
        .replace("<", "&lt;")
        .replace(">", "&gt;")
        .replace("\"", "&quot;");
  }
}
