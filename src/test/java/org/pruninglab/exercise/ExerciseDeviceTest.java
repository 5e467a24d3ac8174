package org.pruninglab.exercise;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** An exercise's device request in exercise.json: read, defaulted and checked. */
class ExerciseDeviceTest {

  @TempDir Path dir;

  private ExerciseMetadata read(String from, String to) throws IOException {
    Path file = dir.resolve("exercise.json");
    Files.writeString(
        file, Files.readString(Path.of("exercises/kthvalue/exercise.json")).replace(from, to));
    return PackLoader.metadata("kthvalue", file);
  }

  @Test
  void an_exercise_without_a_device_runs_on_the_cpu() throws IOException {
    // mask-fine-tune's exercise.json without its device lines: the defaults, not what it says.
    Path file = dir.resolve("exercise.json");
    String json = Files.readString(Path.of("exercises/mask-fine-tune/exercise.json"));
    String withoutDevice =
        json.replaceAll(",\\s*\"device\": \"gpu-preferred\",\\s*\"cpuFallback\": true", "");
    assertThat(withoutDevice).isNotEqualTo(json).doesNotContain("device", "cpuFallback");
    Files.writeString(file, withoutDevice);
    ExerciseMetadata meta = PackLoader.metadata("mask-fine-tune", file);

    assertThat(meta.device()).isEqualTo("cpu");
    assertThat(meta.gpuPreferred()).isFalse();
    assertThat(meta.cpuFallback()).isTrue();
  }

  @Test
  void a_gpu_preferring_exercise_may_forbid_the_cpu_fallback() throws IOException {
    ExerciseMetadata meta =
        read("\"order\"", "\"device\": \"gpu-preferred\", \"cpuFallback\": false, \"order\"");

    assertThat(meta.gpuPreferred()).isTrue();
    assertThat(meta.cpuFallback()).isFalse();
  }

  @Test
  void the_training_exercises_ask_for_a_gpu() {
    for (String id : new String[] {"mask-fine-tune", "filter-pruning"}) {
      ExerciseMetadata meta = PackLoader.metadata(id, Path.of("exercises", id, "exercise.json"));
      assertThat(meta.gpuPreferred()).as(id).isTrue();
      assertThat(meta.cpuFallback()).as(id).isTrue();
    }
  }

  @Test
  void an_unknown_device_is_refused_with_the_allowed_values() {
    assertThatThrownBy(() -> read("\"order\"", "\"device\": \"tpu\", \"order\""))
        .isInstanceOf(PackException.class)
        .hasMessageContaining("device must be 'cpu' or 'gpu-preferred', not 'tpu'");
  }
}
