package org.pruninglab.grading;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** GPU slot accounting with an injected device list (no GPU needed). */
class DeviceSlotsTest {

  @Test
  void gpu_jobs_spread_over_the_least_busy_gpus_up_to_the_slots() throws Exception {
    DeviceSlots slots = new DeviceSlots(List.of(0, 1), 2, Duration.ofMillis(50));

    var a = slots.acquire(true, true);
    var b = slots.acquire(true, true);
    var c = slots.acquire(true, true);
    var d = slots.acquire(true, true);

    assertThat(List.of(a.device(), b.device(), c.device(), d.device()))
        .containsExactly("gpu:0", "gpu:1", "gpu:0", "gpu:1");
    assertThat(slots.inUse()).isEqualTo(4);
    assertThat(slots.capacity()).isEqualTo(4);
    assertThat(slots.devices()).containsExactly("cpu", "gpu:0", "gpu:1");

    b.close();
    b.close(); // twice frees one slot only
    assertThat(slots.inUse()).isEqualTo(3);
    assertThat(slots.acquire(true, true).device()).isEqualTo("gpu:1");
  }

  @Test
  void a_full_gpu_makes_a_job_wait_then_fall_back_to_the_cpu() throws Exception {
    DeviceSlots slots = new DeviceSlots(List.of(3), 1, Duration.ofMillis(100));
    var held = slots.acquire(true, true);

    var fallback = slots.acquire(true, true);

    assertThat(held.device()).isEqualTo("gpu:3");
    assertThat(fallback.device()).isEqualTo("cpu");
    assertThat(fallback.onGpu()).isFalse();
    assertThat(fallback.waited()).isGreaterThanOrEqualTo(Duration.ofMillis(100));
    fallback.close(); // a CPU lease frees no GPU slot
    assertThat(slots.inUse()).isEqualTo(1);
  }

  @Test
  void a_job_that_may_not_fall_back_waits_for_the_next_freed_slot() throws Exception {
    DeviceSlots slots = new DeviceSlots(List.of(0), 1, Duration.ofMillis(20));
    var held = slots.acquire(true, true);

    CompletableFuture<String> waiter =
        CompletableFuture.supplyAsync(
            () -> {
              try (var lease = slots.acquire(true, false)) {
                return lease.device();
              } catch (InterruptedException e) {
                throw new IllegalStateException(e);
              }
            });
    // Well past the wait limit: still waiting, not on the CPU.
    Thread.sleep(300);
    assertThat(waiter).isNotDone();
    assertThat(slots.waiting()).isEqualTo(1);

    held.close();

    assertThat(waiter.get(10, TimeUnit.SECONDS)).isEqualTo("gpu:0");
    assertThat(slots.inUse()).isZero();
  }

  @Test
  void without_gpus_everything_runs_on_the_cpu_at_once() throws Exception {
    DeviceSlots slots = new DeviceSlots(List.of(), 2, Duration.ofHours(1));

    var gpuPreferred = slots.acquire(true, false);
    var cpu = slots.acquire(false, true);

    assertThat(gpuPreferred.device()).isEqualTo("cpu");
    assertThat(gpuPreferred.waited()).isLessThan(Duration.ofSeconds(1));
    assertThat(cpu.device()).isEqualTo("cpu");
    assertThat(slots.capacity()).isZero();
    assertThat(slots.devices()).containsExactly("cpu");
  }

  @Test
  void cpu_exercises_never_take_a_gpu_slot() throws Exception {
    DeviceSlots slots = new DeviceSlots(List.of(0), 1, Duration.ZERO);

    assertThat(slots.acquire(false, true).device()).isEqualTo("cpu");
    assertThat(slots.inUse()).isZero();
  }

  @Test
  void bad_settings_are_refused_with_the_reason() {
    assertThatThrownBy(() -> new DeviceSlots(List.of(0), 0, Duration.ZERO))
        .hasMessageContaining("at least one slot");
    assertThatThrownBy(() -> new DeviceSlots(List.of(0, 0), 1, Duration.ZERO))
        .hasMessageContaining("distinct");
    assertThatThrownBy(() -> new DeviceSlots(List.of(0), 1, Duration.ofSeconds(-1)))
        .hasMessageContaining("negative");
  }
}
