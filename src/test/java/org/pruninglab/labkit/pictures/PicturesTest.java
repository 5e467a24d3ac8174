package org.pruninglab.labkit.pictures;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.pruninglab.Environment.Need;
import org.pruninglab.Needs;
import org.pruninglab.labkit.LabEngine;
import org.pruninglab.labkit.data.Batches;
import org.pruninglab.labkit.data.FashionMnist;
import org.pruninglab.labkit.model.LabModel;
import org.pruninglab.labkit.model.ModelKind;
import org.pruninglab.labkit.model.Models;
import org.pruninglab.labkit.prune.MagnitudePruning;
import org.xml.sax.InputSource;

class PicturesTest {

  @Test
  void histogram_of_hand_made_values() {
    Histogram h = Pictures.histogram("w", new float[] {-1, -0.5f, 0, 0, 0.25f, 1}, 4);

    assertThat(h.edges()).containsExactly(-1, -0.5, 0, 0.5, 1);
    // [-1,-0.5) [-0.5,0) [0,0.5) [0.5,1]: the maximum falls in the last bin.
    assertThat(h.counts()).containsExactly(1, 1, 3, 1);
    assertThat(h.zeros()).isEqualTo(2);
    assertThat(h.total()).isEqualTo(6);
  }

  @Test
  void histogram_of_a_constant_layer_still_has_a_width_and_nan_is_refused() {
    Histogram h = Pictures.histogram("pruned", new float[] {0, 0, 0}, 3);
    assertThat(h.edges()[0]).isEqualTo(-0.5);
    assertThat(h.counts()).containsExactly(0, 3, 0);
    assertThat(h.zeros()).isEqualTo(3);

    assertThatThrownBy(() -> Pictures.histogram("fc1.weight", new float[] {1, Float.NaN}, 3))
        .hasMessage("fc1.weight contains NaN; it has no histogram");
    assertThatThrownBy(() -> Pictures.histogram("w", new float[] {1}, 0))
        .hasMessageContaining("at least one bin");
  }

  @Test
  void mask_bitmap_is_exact_for_a_small_layer_and_averages_blocks_of_a_large_one() {
    float[] w = {1, 0, 0, 2, 0, 0, 3, 4, 0, 0, 0, 5};
    MaskBitmap exact = Pictures.maskBitmap("w", w, 3, 4, 8);
    assertThat(exact.cellRows()).isEqualTo(3);
    assertThat(exact.cellColumns()).isEqualTo(4);
    assertThat(exact.density()).containsExactly(1, 0, 0, 1, 0, 0, 1, 1, 0, 0, 0, 1);

    // Blocks of 2 × 2 (the last row of blocks holds one weight row only).
    MaskBitmap blocks = Pictures.maskBitmap("w", w, 3, 4, 2);
    assertThat(blocks.blockRows()).isEqualTo(2);
    assertThat(blocks.blockColumns()).isEqualTo(2);
    assertThat(blocks.density()).containsExactly(0.25f, 0.75f, 0f, 0.5f);
  }

  @Test
  void mask_bitmap_of_the_cnn_fc1_after_90_percent_pruning_keeps_a_tenth() {
    try (LabModel cnn = Models.create(ModelKind.CNN, 0)) {
      NDArray fc1 = cnn.parameter("fc1.weight");
      MagnitudePruning.pruneTensor(fc1, 0.9).close();

      MaskBitmap m = Pictures.maskBitmap("fc1.weight", fc1, 128);

      assertThat(m.rows()).isEqualTo(128);
      assertThat(m.columns()).isEqualTo(9216);
      assertThat(m.cellRows()).isEqualTo(128);
      assertThat(m.cellColumns()).isEqualTo(128);
      assertThat(m.blockColumns()).isEqualTo(72);
      double mean = 0;
      for (float d : m.density()) {
        mean += d;
      }
      // Every cell has the same number of weights, so the mean density is the kept fraction.
      assertThat(mean / m.density().length).isCloseTo(117_965 / 1_179_648.0, within(1e-6));
    }
  }

  @Test
  void kernel_maps_take_input_channel_zero_of_every_filter() {
    try (NDManager m = NDManager.newBaseManager(LabEngine.device())) {
      float[] values = new float[3 * 2 * 2 * 2];
      for (int i = 0; i < values.length; i++) {
        values[i] = i - 10;
      }
      KernelMaps maps = Pictures.kernelMaps("conv.weight", m.create(values, new Shape(3, 2, 2, 2)));

      assertThat(maps.kernels()).hasSize(3);
      assertThat(maps.kernels().get(1).values()).containsExactly(-2, -1, 0, 1);
      assertThat(maps.kernels().get(2).value(1, 0)).isEqualTo(8);
      assertThat(maps.kernels().get(0).magnitude(0, 0)).isEqualTo(10);
      assertThat(maps.maxMagnitude()).isEqualTo(10);
      assertThatThrownBy(() -> Pictures.kernelMaps("fc1.weight", m.ones(new Shape(4, 4))))
          .hasMessageContaining("not a convolution weight");
    }
  }

  @Test
  @Needs(Need.FASHION_MNIST)
  void accuracy_falls_with_sparsity_and_the_model_is_restored() {
    FashionMnist data = FashionMnist.load();
    Batches test =
        Batches.inOrder(data.test().firstPerClass(20), data.normalization(), 200, Models.IMAGE);
    try (LabModel mlp = Models.create(ModelKind.MLP, 0)) {
      float[] before = mlp.parameter("fc1.weight").toFloatArray();

      SparsityCurve curve = Pictures.accuracyVsSparsity("MLP", mlp, test, 0, 0.5, 1.0);

      assertThat(curve.points())
          .extracting(SparsityCurve.Point::sparsity)
          .containsExactly(0.0, 0.5, 1.0);
      // All weights pruned: every logit is its bias alone, so one class wins every image.
      assertThat(curve.points().get(2).accuracy()).isEqualTo(0.1);
      assertThat(mlp.parameter("fc1.weight").toFloatArray()).isEqualTo(before);
      assertThatThrownBy(() -> Pictures.accuracyVsSparsity("MLP", mlp, test, 1.5))
          .hasMessage("sparsity must be between 0 and 1, got 1.5");
      assertThat(mlp.parameter("fc1.weight").toFloatArray()).isEqualTo(before);
    }
  }

  @Test
  void a_line_chart_spans_what_its_data_needs_in_tidy_steps() {
    LineChart accuracy =
        new LineChart(
            "conv2.weight",
            new LineChart.Axis("sparsity", LineChart.Scale.FRACTION),
            new LineChart.Axis("accuracy", LineChart.Scale.FRACTION),
            List.of(
                new LineChart.Series(
                    "conv2.weight",
                    List.of(new LineChart.Point(0.4, 0.86), new LineChart.Point(0.9, 0.71)))),
            List.of(new LineChart.Reference("dense", 0.905)));
    String svg = Svg.lineChart(accuracy);
    // y from 70 % to 95 % in 5 % steps, not 0 to 100 %: the drop is visible.
    assertThat(svg).contains(">70 %<", ">95 %<").doesNotContain(">0 %<", ">100 %<");
    // x from 40 % to 90 % in 10 % steps.
    assertThat(svg).contains(">40 %<", ">90 %<").doesNotContain(">30 %<");

    List<LineChart.Point> steps = new ArrayList<>();
    for (int t = 0; t <= 300; t++) {
      steps.add(new LineChart.Point(t, Math.min(0.8, 0.8 * t / 250.0)));
    }
    String many =
        Svg.lineChart(
            LineChart.of(
                "Sparsity during training",
                new LineChart.Axis("training step", LineChart.Scale.NUMBER),
                new LineChart.Axis("sparsity", LineChart.Scale.FRACTION),
                new LineChart.Series("achieved", steps)));
    assertThat(many).contains(">0<", ">300<", ">0 %<", ">80 %<", "data-points='301'");
    assertThat(many).as("301 points draw a line, not 301 dots").doesNotContain("<circle");
  }

  @Test
  void every_svg_is_well_formed_xml_and_escapes_labels() throws Exception {
    Histogram h = Pictures.histogram("w<1>", new float[] {-1, 0, 1}, 5);
    MaskBitmap m = Pictures.maskBitmap("w", new float[] {1, 0, 0, 1}, 2, 2, 4);
    KernelMaps k =
        new KernelMaps(
            "conv1.weight", List.of(new KernelMaps.Kernel(0, 1, 2, new float[] {1, -2})));
    SparsityCurve c =
        new SparsityCurve(
            "A & B", List.of(new SparsityCurve.Point(0, 0.9), new SparsityCurve.Point(0.9, 0.5)));

    LineChart chart =
        new LineChart(
            "fc1.weight: <accuracy> against sparsity",
            new LineChart.Axis("sparsity", LineChart.Scale.FRACTION),
            new LineChart.Axis("accuracy", LineChart.Scale.FRACTION),
            List.of(
                new LineChart.Series(
                    "A & B",
                    List.of(new LineChart.Point(0.4, 0.875), new LineChart.Point(0.9, 0.8125)))),
            List.of(new LineChart.Reference("dense", 0.9)));

    for (String svg :
        List.of(
            Svg.histogram(h),
            Svg.maskBitmap(m),
            Svg.kernelMaps(k),
            Svg.accuracyVsSparsity(List.of(c)),
            Svg.lineChart(chart))) {
      var doc =
          DocumentBuilderFactory.newInstance()
              .newDocumentBuilder()
              .parse(new InputSource(new StringReader(svg)));
      assertThat(doc.getDocumentElement().getTagName()).isEqualTo("svg");
    }
    assertThat(Svg.histogram(h)).contains("w&lt;1&gt;");
    assertThat(Svg.accuracyVsSparsity(List.of(c))).contains("A &amp; B").contains("90 %: 50.00 %");
    assertThat(Svg.lineChart(chart))
        .contains("fc1.weight: &lt;accuracy&gt; against sparsity", "A &amp; B: 40 %, 87.50 %")
        .contains("class='reference'", "dense: 90 %");
    // Two kept cells of four in the 2 × 2 mask.
    assertThat(Svg.maskBitmap(m).split("fill='#2b6cb0'", -1)).hasSize(3);
  }
}
