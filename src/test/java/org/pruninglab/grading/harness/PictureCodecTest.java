package org.pruninglab.grading.harness;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.pruninglab.labkit.pictures.Histogram;
import org.pruninglab.labkit.pictures.KernelMaps;
import org.pruninglab.labkit.pictures.LineChart;
import org.pruninglab.labkit.pictures.MaskBitmap;
import org.pruninglab.labkit.pictures.SparsityCurve;

/**
 * Pictures are written in the sandbox and read in the app by the same codec; what is read came from
 * a process that ran student code, so anything malformed is left out.
 */
class PictureCodecTest {

  @Test
  void a_well_formed_histogram_is_read() {
    var h =
        PictureCodec.readHistogram(
            "histogram",
            "{\"layer\":\"fc1.weight\",\"edges\":[-1,0,1],\"counts\":[3,4],\"zeros\":1}");
    assertThat(h).isPresent();
    assertThat(h.get().total()).isEqualTo(7);
    assertThat(h.get().zeros()).isEqualTo(1);
  }

  @Test
  void malformed_or_hostile_pictures_are_left_out() {
    String[] bad = {
      "not json",
      "[]",
      "{\"layer\":\"x\",\"edges\":[0,1],\"counts\":[1,2],\"zeros\":0}", // edges ≠ bins + 1
      "{\"layer\":\"x\",\"edges\":[0,\"a\",2],\"counts\":[1,2],\"zeros\":0}",
      "{\"layer\":\"x\",\"edges\":[0,1,2],\"counts\":[-1,2],\"zeros\":0}",
      "{\"layer\":\"x\",\"edges\":[0,1,2],\"counts\":[1.5,2],\"zeros\":0}",
      "{\"layer\":\"" + "y".repeat(100) + "\",\"edges\":[0,1,2],\"counts\":[1,2],\"zeros\":0}",
      "{\"layer\":\"x\",\"edges\":[" + "0,".repeat(300) + "1],\"counts\":[1],\"zeros\":0}",
    };
    for (String json : bad) {
      assertThat(PictureCodec.readHistogram("histogram", json))
          .as(json.length() > 80 ? json.substring(0, 80) : json)
          .isEmpty();
    }
    assertThat(
            PictureCodec.readHistogram(
                "mask", "{\"layer\":\"x\",\"edges\":[0,1],\"counts\":[1],\"zeros\":0}"))
        .as("a picture of another kind")
        .isEmpty();
  }

  @Test
  void a_mask_density_must_be_a_fraction_and_match_its_shape() {
    String good =
        "{\"layer\":\"c\",\"rows\":2,\"columns\":2,\"blockRows\":1,\"blockColumns\":1,"
            + "\"density\":[1,0,0.5,1]}";
    assertThat(PictureCodec.readMask("mask", good)).isPresent();
    assertThat(PictureCodec.readMask("mask", good.replace("0.5", "7"))).isEmpty();
    assertThat(PictureCodec.readMask("mask", good.replace(",1]", "]"))).isEmpty();
  }

  @Test
  void a_curve_needs_fractions() {
    String good =
        "{\"label\":\"per tensor\",\"points\":[{\"sparsity\":0,\"accuracy\":0.8},"
            + "{\"sparsity\":0.9,\"accuracy\":0.2}]}";
    assertThat(PictureCodec.readCurve("curve", good))
        .get()
        .satisfies(c -> assertThat(c.points()).hasSize(2));
    assertThat(PictureCodec.readCurve("curve", good.replace("0.2", "null"))).isEmpty();
  }

  @Test
  void what_the_harness_writes_the_app_reads_back_unchanged() {
    Histogram h = new Histogram("fc1.weight", new double[] {-1, 0, 0.5}, new long[] {3, 4}, 2);
    assertThat(PictureCodec.readHistogram(PictureCodec.kindOf(h), PictureCodec.write((Object) h)))
        .contains(h);
    MaskBitmap m = new MaskBitmap("conv1", 2, 2, 1, 1, new float[] {1, 0, 0.5f, 0.25f});
    assertThat(PictureCodec.readMask(PictureCodec.kindOf(m), PictureCodec.write((Object) m)))
        .contains(m);
    KernelMaps k =
        new KernelMaps(
            "conv1.weight",
            List.of(new KernelMaps.Kernel(3, 2, 2, new float[] {0.5f, -0.25f, 0, 1})));
    assertThat(PictureCodec.readKernels(PictureCodec.kindOf(k), PictureCodec.write((Object) k)))
        .contains(k);
    SparsityCurve c =
        new SparsityCurve(
            "per \"tensor\"\n",
            List.of(new SparsityCurve.Point(0, 0.875), new SparsityCurve.Point(0.9, 0.5)));
    assertThat(PictureCodec.readCurve(PictureCodec.kindOf(c), PictureCodec.write((Object) c)))
        .contains(c);
  }

  private static final LineChart SENSITIVITY =
      new LineChart(
          "conv1.weight: accuracy against sparsity",
          new LineChart.Axis("sparsity of conv1.weight", LineChart.Scale.FRACTION),
          new LineChart.Axis("test accuracy (300 images)", LineChart.Scale.FRACTION),
          List.of(
              new LineChart.Series(
                  "conv1.weight",
                  List.of(new LineChart.Point(0.4, 0.9), new LineChart.Point(0.9, 0.3125)))),
          List.of(new LineChart.Reference("dense", 0.91)));

  @Test
  void a_chart_is_read_back_as_it_was_written() {
    String json = PictureCodec.write((Object) SENSITIVITY);
    assertThat(PictureCodec.kindOf(SENSITIVITY)).isEqualTo("chart");
    assertThat(PictureCodec.readChart("chart", json)).contains(SENSITIVITY);
    assertThat(PictureCodec.readChart("curve", json)).as("another kind").isEmpty();
    LineChart steps =
        LineChart.of(
            "Loss",
            new LineChart.Axis("training step", LineChart.Scale.NUMBER),
            new LineChart.Axis("loss", LineChart.Scale.NUMBER),
            new LineChart.Series("train", List.of(new LineChart.Point(-3, 1e6))));
    assertThat(PictureCodec.readChart("chart", PictureCodec.write((Object) steps)))
        .as("a number axis takes any finite value")
        .contains(steps);
  }

  @Test
  void a_chart_that_claims_more_than_all_or_is_too_big_is_left_out() {
    String json = PictureCodec.write((Object) SENSITIVITY);
    assertThat(PictureCodec.readChart("chart", json.replace("[0.9,0.3125]", "[0.9,1.4]")))
        .as("140 % accuracy on a fraction axis")
        .isEmpty();
    assertThat(PictureCodec.readChart("chart", json.replace("\"y\":0.91", "\"y\":-0.5")))
        .as("a reference line off its fraction axis")
        .isEmpty();
    assertThat(PictureCodec.readChart("chart", json.replace("[0.4,0.9]", "[0.4,0.9,7]")))
        .as("a point is a pair")
        .isEmpty();
    assertThat(PictureCodec.readChart("chart", json.replace("FRACTION", "LOG"))).isEmpty();
    assertThat(PictureCodec.readChart("chart", json.replace("[0.4,0.9]", "[0.4,null]"))).isEmpty();
    StringBuilder many = new StringBuilder("[0,0]");
    for (int i = 1; i <= 2000; i++) {
      many.append(",[").append(i).append(",0]");
    }
    String tooMany =
        "{\"title\":\"t\",\"x\":{\"label\":\"x\",\"scale\":\"NUMBER\"},"
            + "\"y\":{\"label\":\"y\",\"scale\":\"NUMBER\"},"
            + "\"series\":[{\"label\":\"s\",\"points\":["
            + many
            + "]}],\"lines\":[]}";
    assertThat(PictureCodec.readChart("chart", tooMany)).as("2,001 points").isEmpty();
    assertThat(PictureCodec.readChart("chart", tooMany.replace("[0,0],", "")))
        .as("2,000 points")
        .isPresent();
  }

  @Test
  void broken_json_is_left_out_not_thrown() {
    for (String json :
        new String[] {"{", "{\"label\":\"x\",\"points\":[}", "{\"label\":\"x\"} tail", "nul"}) {
      assertThat(PictureCodec.readCurve("curve", json)).as(json).isEmpty();
    }
    String deep = "[".repeat(50) + "]".repeat(50);
    assertThat(PictureCodec.readCurve("curve", deep)).isEmpty();
  }
}
