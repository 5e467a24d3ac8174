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
        problems.addAll(check(record, line, firstLineOf, rows));
      }
    } catch (IOException | UncheckedIOException | IllegalStateException e) {
      problems.add(new RosterProblem(0, "The file is not valid CSV: " + e.getMessage()));
    }
    if (rows.isEmpty() && problems.isEmpty()) {
      problems.add(new RosterProblem(0, "The file holds no accounts."));
    }
    return new Parsed(rows, problems);
  }

  /**
   * Checks one record: a valid one joins {@code rows}; otherwise every problem of the line is
   * returned, so that one round of corrections is enough.
   */
  private static List<RosterProblem> check(
      CSVRecord record, int line, Map<String, Integer> firstLineOf, List<Row> rows) {
    if (record.size() != COLUMNS.size()) {
      // With fields missing or extra, which field is which is a guess: say only that.
      return List.of(
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
    List<RosterProblem> problems = new ArrayList<>();
    for (String problem : AccountDetails.problems(record.get(0), record.get(1), record.get(2))) {
      problems.add(new RosterProblem(line, problem + "."));
    }
    Role role = Role.parse(record.get(3)).orElse(null);
    if (role == null) {
      problems.add(
          new RosterProblem(
              line, "role '" + record.get(3).strip() + "' is not one of STUDENT, TA, INSTRUCTOR."));
    }
    String username = AccountDetails.normaliseUsername(record.get(0));
    Integer earlier = username.isEmpty() ? null : firstLineOf.putIfAbsent(username, line);
    if (earlier != null) {
      problems.add(
          new RosterProblem(
              line, "username '" + username + "' appears twice (first on line " + earlier + ")."));
    }
    if (problems.isEmpty()) {
      rows.add(
          new Row(line, new AccountDetails(record.get(0), record.get(1), record.get(2), role)));
    }
    return problems;
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
