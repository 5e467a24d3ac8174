package org.pruninglab.docs;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The README renders as its authors meant: every code fence is closed by a fence line of its own (a
 * closing fence with text after it does not close, and the rest of the page becomes code), and
 * every picture and local file it links to is in the repository.
 */
class ReadmeTest {

  private static final Path README = Path.of("README.md");
  private static final Pattern FENCE = Pattern.compile("^\\s{0,3}(`{3,}|~{3,})(.*)$");
  private static final Pattern LOCAL_LINK = Pattern.compile("\\]\\(([^)\\s#]+)(#[^)]*)?\\)");

  @Test
  void every_code_fence_is_closed_by_a_fence_line_of_its_own() throws IOException {
    assertThat(unclosedOrBrokenFences(Files.readAllLines(README, StandardCharsets.UTF_8)))
        .isEmpty();
  }

  @Test
  void a_closing_fence_with_text_after_it_is_found() {
    List<String> broken = List.of("```sh", "docker compose up", "``` The image", "## Layout");
    assertThat(unclosedOrBrokenFences(broken))
        .containsExactly(
            "line 3: a fence with text after it does not close the block opened on line 1",
            "line 1: this code block is never closed");
  }

  @Test
  void every_picture_and_local_file_the_readme_links_to_exists() throws IOException {
    String text = Files.readString(README, StandardCharsets.UTF_8);
    List<String> missing = new ArrayList<>();
    Matcher m = LOCAL_LINK.matcher(text);
    while (m.find()) {
      String target = m.group(1);
      if (target.matches("^[a-z]+:.*")) {
        continue; // http:, https:, mailto:
      }
      if (!Files.exists(Path.of(target))) {
        missing.add(target);
      }
    }
    assertThat(missing).as("files the README links to that are not in the repository").isEmpty();
    assertThat(text).contains("](docs/screenshots/");
  }

  /** Problems with the code fences of {@code lines}, one message each. */
  static List<String> unclosedOrBrokenFences(List<String> lines) {
    List<String> problems = new ArrayList<>();
    String open = null;
    int openedOn = 0;
    for (int i = 0; i < lines.size(); i++) {
      Matcher m = FENCE.matcher(lines.get(i));
      if (!m.matches()) {
        continue;
      }
      String marks = m.group(1);
      String rest = m.group(2).strip();
      if (open == null) {
        open = marks;
        openedOn = i + 1;
      } else if (marks.charAt(0) == open.charAt(0) && marks.length() >= open.length()) {
        if (rest.isEmpty()) {
          open = null;
        } else {
          problems.add(
              "line "
                  + (i + 1)
                  + ": a fence with text after it does not close the block opened on line "
                  + openedOn);
        }
      }
    }
    if (open != null) {
      problems.add("line " + openedOn + ": this code block is never closed");
    }
    return problems;
  }
}
