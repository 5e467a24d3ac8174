package org.pruninglab.labkit.pictures;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;
import org.xml.sax.InputSource;

class BarChartTest {

  private static Document parse(String svg) throws Exception {
    return DocumentBuilderFactory.newInstance()
        .newDocumentBuilder()
        .parse(new InputSource(new StringReader(svg)));
  }

  private static List<String> texts(Document doc, String cls) {
    NodeList all = doc.getElementsByTagName("text");
    List<String> out = new ArrayList<>();
    for (int i = 0; i < all.getLength(); i++) {
      Element e = (Element) all.item(i);
      if (cls.equals(e.getAttribute("class"))) {
        out.add(e.getTextContent());
      }
    }
    return out;
  }

  @Test
  void a_chart_has_its_title_axis_names_and_whole_number_ticks() throws Exception {
    BarChart chart =
        new BarChart(
            "Submissions per student in kthvalue: 3 students",
            "submissions made",
            "students",
            List.of("0", "1", "2"),
            List.of(1L, 1L, 1L));

    Document doc = parse(Svg.barChart(chart));

    assertThat(texts(doc, "title")).containsExactly(chart.title());
    assertThat(texts(doc, "x-axis")).containsExactly("submissions made");
    assertThat(texts(doc, "y-axis")).containsExactly("students");
    assertThat(texts(doc, "x-tick")).containsExactly("0", "1", "2");
    assertThat(texts(doc, "y-tick")).containsExactly("0", "1");
    assertThat(texts(doc, "count")).containsExactly("1", "1", "1");
  }

  @Test
  void the_count_axis_steps_by_one_two_or_five_times_a_power_of_ten() throws Exception {
    assertThat(Svg.countStep(0)).isEqualTo(1);
    assertThat(Svg.countStep(5)).isEqualTo(1);
    assertThat(Svg.countStep(6)).isEqualTo(2);
    assertThat(Svg.countStep(11)).isEqualTo(5);
    assertThat(Svg.countStep(26)).isEqualTo(10);
    assertThat(Svg.countStep(240)).isEqualTo(50);
    List<Long> counts = List.of(7L, 0L, 13L);
    Document doc = parse(Svg.barChart(new BarChart("t", "x", "y", List.of("a", "b", "c"), counts)));
    assertThat(texts(doc, "y-tick")).containsExactly("0", "5", "10", "15");
    assertThat(texts(doc, "count")).as("no label on an empty bar").containsExactly("7", "13");
  }

  @Test
  void labels_are_thinned_out_where_bars_are_narrow_and_text_is_escaped() throws Exception {
    List<String> labels = new ArrayList<>();
    List<Long> counts = new ArrayList<>();
    for (int i = 0; i <= 26; i++) {
      labels.add(Integer.toString(i));
      counts.add(i == 26 ? 2L : 0L);
    }
    Document doc =
        parse(Svg.barChart(new BarChart("<A & B>", "score", "students", labels, counts)));

    assertThat(texts(doc, "title")).containsExactly("<A & B>");
    assertThat(texts(doc, "x-tick"))
        .containsExactly(
            "0", "2", "4", "6", "8", "10", "12", "14", "16", "18", "20", "22", "24", "26");
  }

  @Test
  void a_chart_without_one_label_per_bar_or_with_a_negative_count_is_refused() {
    assertThatThrownBy(() -> new BarChart("t", "x", "y", List.of("a"), List.of(1L, 2L)))
        .hasMessage("a bar chart needs as many labels as bars (labels: 1, bars: 2)");
    assertThatThrownBy(() -> new BarChart("t", "x", "y", List.of("a"), List.of(-1L)))
        .hasMessage("a bar chart counts things: no count may be negative");
  }
}
