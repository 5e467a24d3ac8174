package org.pruninglab.account;

import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * Reads a roster file: UTF-8 CSV with the columns username, display name, email, role, in that
 * order, and an optional header line naming them. Every line is checked and every problem reported,
 * so that an instructor can fix the file in one go.
 */
final class RosterCsvParser {

  static final List<String> COLUMNS = List.of("username", "display name", "email", "role");

  private static final CSVFormat FORMAT =
      CSVFormat.DEFAULT.builder().setIgnoreSurroundingSpaces(true).setIgnoreEmptyLines(true).get();

  private final AccountProperties.Roster limits;

  RosterCsvParser(AccountProperties.Roster limits) {
    this.limits = limits;
  }

  /** The rows that are valid, and a problem for each line that is not. */
  record Parsed(List<Row> rows, List<RosterProblem> problems) {}

  record Row(int line, AccountDetails details) {}

  Parsed parse(byte[] file) {
    List<Row> rows = new ArrayList<>();
    List<RosterProblem> problems = new ArrayList<>();
    if (file.length > limits.maxBytes()) {
      problems.add(
          new RosterProblem(
              0,
              "The file is "
                  + file.length
                  + " bytes; at most "
                  + limits.maxBytes()
                  + " are accepted."));
      return new Parsed(rows, problems);
    }
    String text;
    try {
      text = decodeUtf8(file);
    } catch (CharacterCodingException e) {
      problems.add(new RosterProblem(0, "The file is not UTF-8 text. Save it as 'CSV UTF-8'."));
      return new Parsed(rows, problems);
    }
    Map<String, Integer> firstLineOf = new HashMap<>();
    try (CSVParser parser = CSVParser.parse(new StringReader(text), FORMAT)) {
      Iterator<CSVRecord> records = parser.iterator();
      boolean first = true;
      int recordsRead = 0;
      while (records.hasNext()) {
        CSVRecord record = records.next();
        int line = (int) parser.getCurrentLineNumber();
        if (first && isHeader(record)) {
          first = false;
          if (!headerMatches(record)) {
            problems.add(
                new RosterProblem(
                    line,
                    "the header names the columns '"
                        + String.join(", ", record.toList())
                        + "'; expected '"
                        + String.join(", ", COLUMNS)
                        + "' in that order."));
            break;
          }
          continue;
        }
        first = false;
        if (recordsRead >= limits.maxRows()) {
          problems.add(
              new RosterProblem(
                  line, "Too many rows: at most " + limits.maxRows() + " accounts per file."));
          break;
        }
        recordsRead++;
        check(record, line, firstLineOf, rows).ifPresent(problems::add);
      }
    } catch (IOException | UncheckedIOException | IllegalStateException e) {
      problems.add(new RosterProblem(0, "The file is not valid CSV: " + e.getMessage()));
    }
    if (rows.isEmpty() && problems.isEmpty()) {
      problems.add(new RosterProblem(0, "The file holds no accounts."));
    }
    return new Parsed(rows, problems);
  }

  /** Checks one record: a valid one joins {@code rows}, else the first thing wrong is returned. */
  private static Optional<RosterProblem> check(
      CSVRecord record, int line, Map<String, Integer> firstLineOf, List<Row> rows) {
    if (record.size() != COLUMNS.size()) {
      return Optional.of(
          new RosterProblem(
              line,
              "expected "
                  + COLUMNS.size()
                  + " fields ("
                  + String.join(", ", COLUMNS)
                  + "), found "
                  + record.size()
                  + "."));
    }
    Role role = Role.parse(record.get(3)).orElse(null);
    if (role == null) {
      return Optional.of(
          new RosterProblem(
              line, "role '" + record.get(3).strip() + "' is not one of STUDENT, TA, INSTRUCTOR."));
    }
    AccountDetails details;
    try {
      details = new AccountDetails(record.get(0), record.get(1), record.get(2), role);
    } catch (IllegalArgumentException e) {
      return Optional.of(new RosterProblem(line, e.getMessage() + "."));
    }
    Integer earlier = firstLineOf.putIfAbsent(details.username(), line);
    if (earlier != null) {
      return Optional.of(
          new RosterProblem(
              line,
              "username '"
                  + details.username()
                  + "' appears twice (first on line "
                  + earlier
                  + ")."));
    }
    rows.add(new Row(line, details));
    return Optional.empty();
  }

  private static boolean isHeader(CSVRecord record) {
    return record.size() > 0 && record.get(0).strip().toLowerCase(Locale.ROOT).equals("username");
  }

  private static boolean headerMatches(CSVRecord header) {
    List<String> names =
        header.stream()
            .map(name -> name.strip().toLowerCase(Locale.ROOT).replace('_', ' '))
            .toList();
    return names.equals(COLUMNS);
  }

  private static String decodeUtf8(byte[] file) throws CharacterCodingException {
    String text =
        StandardCharsets.UTF_8
            .newDecoder()
            .onMalformedInput(CodingErrorAction.REPORT)
            .onUnmappableCharacter(CodingErrorAction.REPORT)
            .decode(ByteBuffer.wrap(file))
            .toString();
    // Spreadsheet programs like to start UTF-8 files with a byte-order mark.
    return text.startsWith("\uFEFF") ? text.substring(1) : text;
  }
}
