package org.pruninglab.grading;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class DeviceLabelTest {

  @Test
  void the_engines_and_the_workers_names_read_as_cpu_and_gpu_with_its_index() {
    assertThat(DeviceLabel.of("cpu()")).isEqualTo("CPU");
    assertThat(DeviceLabel.of("cpu")).isEqualTo("CPU");
    assertThat(DeviceLabel.of("gpu(0)")).isEqualTo("GPU 0");
    assertThat(DeviceLabel.of("gpu:1")).isEqualTo("GPU 1");
  }

  @Test
  void a_workers_list_of_devices_is_labelled_one_by_one() {
    assertThat(DeviceLabel.of("cpu,gpu:0,gpu:1")).isEqualTo("CPU, GPU 0, GPU 1");
  }

  @Test
  void nothing_recorded_is_empty_and_an_unknown_form_is_shown_as_it_is() {
    assertThat(DeviceLabel.of(null)).isEmpty();
    assertThat(DeviceLabel.of(" ")).isEmpty();
    assertThat(DeviceLabel.of("tpu(3)")).isEqualTo("tpu(3)");
  }
}
