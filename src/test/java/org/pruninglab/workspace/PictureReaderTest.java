package org.pruninglab.workspace;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.pruninglab.grading.RecordedPicture;

/** Pictures come from a process that ran student code: anything malformed is left out. */
class PictureReaderTest {

  @Test
  void a_well_formed_histogram_is_read() {
    var h =
        PictureReader.histogram(
            new RecordedPicture(
                "fc1.weight.before",
                "histogram",
                "{\"layer\":\"fc1.weight\",\"edges\":[-1,0,1],\"counts\":[3,4],\"zeros\":1}"));
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
      assertThat(PictureReader.histogram(new RecordedPicture("h", "histogram", json)))
          .as(json.length() > 80 ? json.substring(0, 80) : json)
          .isEmpty();
    }
    assertThat(
            PictureReader.histogram(
                new RecordedPicture(
                    "h", "mask", "{\"layer\":\"x\",\"edges\":[0,1],\"counts\":[1],\"zeros\":0}")))
        .as("a picture of another kind")
        .isEmpty();
  }

  @Test
  void a_mask_density_must_be_a_fraction_and_match_its_shape() {
    String good =
        "{\"layer\":\"c\",\"rows\":2,\"columns\":2,\"blockRows\":1,\"blockColumns\":1,"
            + "\"density\":[1,0,0.5,1]}";
    assertThat(PictureReader.mask(new RecordedPicture("m", "mask", good))).isPresent();
    assertThat(PictureReader.mask(new RecordedPicture("m", "mask", good.replace("0.5", "7"))))
        .isEmpty();
    assertThat(PictureReader.mask(new RecordedPicture("m", "mask", good.replace(",1]", "]"))))
        .isEmpty();
  }

  @Test
  void a_curve_needs_fractions() {
    String good =
        "{\"label\":\"per tensor\",\"points\":[{\"sparsity\":0,\"accuracy\":0.8},"
            + "{\"sparsity\":0.9,\"accuracy\":0.2}]}";
    assertThat(PictureReader.curve(new RecordedPicture("c", "curve", good)))
        .get()
        .satisfies(c -> assertThat(c.points()).hasSize(2));
    assertThat(PictureReader.curve(new RecordedPicture("c", "curve", good.replace("0.2", "null"))))
        .isEmpty();
  }
}
