package org.pruninglab.account;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class RosterCsvParserTest {

  private final RosterCsvParser parser =
      new RosterCsvParser(new AccountProperties.Roster(100, 2_000));

  private RosterCsvParser.Parsed parse(String text) {
    return parser.parse(text.getBytes(StandardCharsets.UTF_8));
  }

  private static List<String> problems(RosterCsvParser.Parsed parsed) {
    return parsed.problems().stream().map(RosterProblem::toString).toList();
  }

  @Test
  void reads_rows_with_or_without_a_header_and_normalises_them() {
    var withHeader =
        parse(
            "Username, Display_Name ,EMAIL,role\r\n  Alice.B , \"Brown, Alice\" , a@example.org , ta\r\n");
    var without = parse("alice.b,\"Brown, Alice\",a@example.org,TA\n");

    assertThat(problems(withHeader)).isEmpty();
    assertThat(withHeader.rows())
        .containsExactly(
            new RosterCsvParser.Row(
                2, new AccountDetails("alice.b", "Brown, Alice", "a@example.org", Role.TA)));
    assertThat(without.rows())
        .extracting(RosterCsvParser.Row::details)
        .containsExactlyElementsOf(
            withHeader.rows().stream().map(RosterCsvParser.Row::details).toList());
  }

  @Test
  void a_byte_order_mark_and_blank_lines_are_ignored() {
    var parsed =
        parse("\uFEFFusername,display name,email,role\n\nbo,Bo,bo@example.org,student\n\n");

    assertThat(problems(parsed)).isEmpty();
    assertThat(parsed.rows()).hasSize(1);
    assertThat(parsed.rows().get(0).line()).isEqualTo(3);
  }

  @Test
  void every_bad_line_is_reported_with_its_line_number() {
    var parsed =
        parse(
            """
            username,display name,email,role
            ok,Okay,ok@example.org,student
            x,Too Short Name,x@example.org,student
            bad mail,Name,b@example.org,student
            mail,Name,no-at-sign,student
            role,Name,r@example.org,dean
            OK,Again,ok2@example.org,student
            three,fields,only
            """);

    assertThat(problems(parsed))
        .containsExactly(
            "line 3: username 'x' must be 2 to 64 characters: letters, digits, '.', '_' or '-',"
                + " starting with a letter or digit.",
            "line 4: username 'bad mail' must be 2 to 64 characters: letters, digits, '.', '_' or"
                + " '-', starting with a letter or digit.",
            "line 5: 'no-at-sign' is not an email address.",
            "line 6: role 'dean' is not one of STUDENT, TA, INSTRUCTOR.",
            "line 7: username 'ok' appears twice (first on line 2).",
            "line 8: expected 4 fields (username, display name, email, role), found 3.");
    assertThat(parsed.rows()).hasSize(1);
  }

  @Test
  void a_line_with_several_mistakes_gets_every_one_of_them() {
    var parsed =
        parse(
            """
            ok,Okay,ok@example.org,student
            OK, ,no-at-sign,dean
            """);

    assertThat(problems(parsed))
        .containsExactly(
            "line 2: display name is empty.",
            "line 2: 'no-at-sign' is not an email address.",
            "line 2: role 'dean' is not one of STUDENT, TA, INSTRUCTOR.",
            "line 2: username 'ok' appears twice (first on line 1).");
    assertThat(parsed.rows()).hasSize(1);
  }

  @Test
  void a_header_with_columns_in_another_order_is_refused_rather_than_misread() {
    var parsed = parse("username,email,display name,role\nab,ab@example.org,Ab,student\n");

    assertThat(problems(parsed)).hasSize(1);
    assertThat(problems(parsed).get(0)).startsWith("line 1: the header names the columns");
    assertThat(parsed.rows()).isEmpty();
  }

  @Test
  void a_file_that_is_not_utf8_is_refused_as_a_whole() {
    byte[] latin1 = "ab,Jos\u00e9,ab@example.org,student\n".getBytes(StandardCharsets.ISO_8859_1);

    var parsed = parser.parse(latin1);

    assertThat(problems(parsed))
        .containsExactly("The file is not UTF-8 text. Save it as 'CSV UTF-8'.");
  }

  @Test
  void empty_oversized_and_overlong_files_are_refused() {
    assertThat(problems(parse(""))).containsExactly("The file holds no accounts.");
    assertThat(problems(parse("x".repeat(2_001))))
        .containsExactly("The file is 2001 bytes; at most 2000 are accepted.");
    StringBuilder six = new StringBuilder();
    for (int i = 0; i < 6; i++) {
      six.append("user").append(i).append(",U,u").append(i).append("@example.org,student\n");
    }
    var fiveRows = new RosterCsvParser(new AccountProperties.Roster(5, 2_000));
    assertThat(problems(fiveRows.parse(six.toString().getBytes(StandardCharsets.UTF_8))))
        .containsExactly("line 6: Too many rows: at most 5 accounts per file.");
  }

  @Test
  void an_unterminated_quote_is_reported_not_thrown() {
    var parsed = parse("ab,\"Unclosed,ab@example.org,student\n");

    assertThat(problems(parsed)).singleElement().asString().startsWith("The file is not valid CSV");
  }

  @Test
  void control_characters_in_names_are_refused() {
    var parsed = parse("ab,\"Evil\u001b[31m\",ab@example.org,student\n");

    assertThat(problems(parsed))
        .containsExactly("line 1: display name contains control characters.");
  }
}
