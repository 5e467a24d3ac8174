package org.pruninglab.grading;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * How sandboxes are started on this host.
 *
 * @param bwrap the bubblewrap executable
 * @param dropToUser start the sandbox as {@code sandboxUid} (needed when the service runs as root,
 *     whose processes ignore the process-count limit)
 * @param sandboxUid the unprivileged user and group id of sandboxed code
 * @param threads CPU threads of a sandbox JVM and its tensor engine
 * @param device {@code auto} or {@code cpu}
 * @param fashionMnistDir the data set folder, bound read-only into the sandbox
 * @param gpuDevices device files bound into the sandbox on a GPU host
 * @param unsafeLocal run the harness JVM without bubblewrap (a single-user machine only)
 */
public record SandboxSettings(
    String bwrap,
    boolean dropToUser,
    int sandboxUid,
    int threads,
    String device,
    Path fashionMnistDir,
    List<Path> gpuDevices,
    boolean unsafeLocal) {

  public SandboxSettings {
    gpuDevices = List.copyOf(gpuDevices);
  }

  /**
   * The command prefix that starts what follows as the sandbox user, or nothing when the service
   * does not run as root.
   */
  public List<String> userSwitch() {
    if (!dropToUser) {
      return List.of();
    }
    return List.of(
        "setpriv", "--reuid=" + sandboxUid, "--regid=" + sandboxUid, "--clear-groups", "--");
  }

  /** The settings for this host: root drops to nobody (65534); NVIDIA devices when present. */
  public static SandboxSettings forThisHost(
      String bwrap, int threads, Path fashionMnistDir, boolean unsafeLocal) {
    boolean root = "root".equals(System.getProperty("user.name"));
    return new SandboxSettings(
        bwrap, root, 65534, threads, "auto", fashionMnistDir, nvidiaDevices(), unsafeLocal);
  }

  /** The NVIDIA device files of this host ({@code /dev/nvidia0}, {@code /dev/nvidiactl}, …). */
  static List<Path> nvidiaDevices() {
    List<Path> found = new ArrayList<>();
    try (var devices = Files.list(Path.of("/dev"))) {
      devices.filter(p -> p.getFileName().toString().startsWith("nvidia")).forEach(found::add);
    } catch (IOException e) {
      // No /dev listing: no GPU.
    }
    return found;
  }
}
