package org.pruninglab.grading.harness;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.pruninglab.labkit.pictures.Histogram;
import org.pruninglab.labkit.pictures.KernelMaps;
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
