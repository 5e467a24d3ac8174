package org.pruninglab.labkit.model;

import ai.djl.Device;
import ai.djl.MalformedModelException;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Block;
import ai.djl.nn.Parameter;
import ai.djl.nn.convolutional.Conv2d;
import ai.djl.nn.core.Linear;
import ai.djl.nn.norm.BatchNorm;
import ai.djl.training.ParameterStore;
import ai.djl.util.Pair;
import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.pruninglab.labkit.LabEngine;

/**
 * A model of the lab: a DJL block whose layers and parameters have stable PyTorch-style names
 * ({@code conv1.weight}, {@code bn1.running_mean}, …), the NDManager that owns its parameters, and
 * the shape of one input image. Close it to free its memory.
 */
public final class LabModel implements AutoCloseable {

  private static final int CHECKPOINT_MAGIC = 0x504c4142; // "PLAB"
  private static final int CHECKPOINT_VERSION = 1;

  private final String name;
  private final Layers block;
  private final NDManager manager;
  private final Shape imageShape;
  private final boolean logProbabilities;
  private final Map<String, Parameter> parameters;
  private final Map<String, Block> layers;

  LabModel(String name, Layers block, Shape imageShape, boolean logProbabilities, Device device) {
    this.name = name;
    this.block = block;
    this.imageShape = imageShape;
    this.logProbabilities = logProbabilities;
    this.manager = NDManager.newBaseManager(device);
    block.initialize(manager, DataType.FLOAT32, batchShape(1));
    this.layers = namedLayers(block);
    this.parameters = namedParameters(layers);
  }

  /** A short name of the architecture, e.g. {@code "cnn"}. */
  public String name() {
    return name;
  }

  /** The shape of one input image, e.g. {@code (1, 28, 28)}. */
  public Shape imageShape() {
    return imageShape;
  }

  /** True if the output is log-probabilities (log-softmax), false if it is logits. */
  public boolean outputsLogProbabilities() {
    return logProbabilities;
  }

  public NDManager manager() {
    return manager;
  }

  public Device device() {
    return manager.getDevice();
  }

  /**
   * The trainable parameters by name, in layer order: weights and biases of convolutions and linear
   * layers, and BatchNorm's weight (γ) and bias (β). The arrays are the model's own: changing them
   * changes the model.
   */
  public Map<String, NDArray> parameters() {
    Map<String, NDArray> out = new LinkedHashMap<>();
    parameters.forEach(
        (n, p) -> {
          if (p.requiresGradient()) {
            out.put(n, p.getArray());
          }
        });
    return Collections.unmodifiableMap(out);
  }

  /**
   * The parameters that pruning applies to, by name, in layer order: every parameter of rank > 1
   * (convolution and linear weights), never biases or BatchNorm (design/semantics.md §1). The
   * arrays are the model's own.
   */
  public Map<String, NDArray> prunableWeights() {
    Map<String, NDArray> out = new LinkedHashMap<>();
    parameters()
        .forEach(
            (n, p) -> {
              if (p.getShape().dimension() > 1) {
                out.put(n, p);
              }
            });
    return Collections.unmodifiableMap(out);
  }

  /** Everything a checkpoint holds: the parameters plus BatchNorm's running statistics. */
  public Map<String, NDArray> state() {
    Map<String, NDArray> out = new LinkedHashMap<>();
    parameters.forEach((n, p) -> out.put(n, p.getArray()));
    return Collections.unmodifiableMap(out);
  }

  /** One parameter (or running statistic) by name. */
  public NDArray parameter(String parameterName) {
    Parameter p = parameters.get(parameterName);
    if (p == null) {
      throw new IllegalArgumentException(
          "no parameter '" + parameterName + "' in " + name + "; it has " + parameters.keySet());
    }
    return p.getArray();
  }

  /** Runs the model on a batch {@code [n, ...imageShape]}; {@code training} enables dropout etc. */
  public NDArray forward(NDArray images, boolean training) {
    ParameterStore store = new ParameterStore(manager, false);
    return block.forward(store, new NDList(images), training).singletonOrThrow();
  }

  /** The named layers with the shapes of one image through them, and their MACs. */
  public List<LayerInfo> layers() {
    List<LayerInfo> out = new ArrayList<>();
    Shape current = batchShape(1);
    for (Map.Entry<String, Block> e : layers.entrySet()) {
      Block layer = e.getValue();
      Shape next = layer.getOutputShapes(new Shape[] {current})[0];
      out.add(
          new LayerInfo(
              e.getKey(), kindOf(layer), perImage(current), perImage(next), macs(layer, next)));
      current = next;
    }
    return out;
  }

  /**
   * A new model of the same architecture in which the layers named in {@code resized} have new
   * output sizes (filters of a convolution, units of a linear layer, channels of a BatchNorm) and
   * the others keep theirs. The new model's parameters are freshly allocated; the caller copies in
   * what it wants to keep. This model is not changed.
   */
  public LabModel resized(Map<String, Integer> resized) {
    Layers copy = new Layers();
    for (Map.Entry<String, Block> e : layers.entrySet()) {
      Block layer = e.getValue();
      Integer size = resized.get(e.getKey());
      copy.layer(e.getKey(), size == null ? sameShapeCopy(layer) : resizedCopy(layer, size));
    }
    for (String name : resized.keySet()) {
      if (!layers.containsKey(name)) {
        throw new IllegalArgumentException("no layer '" + name + "' in " + this.name);
      }
    }
    return new LabModel(name, copy, imageShape, logProbabilities, device());
  }

  private static Block sameShapeCopy(Block layer) {
    if (layer instanceof Conv2d conv) {
      return resizedCopy(conv, conv.getFilters());
    }
    if (layer instanceof Linear linear) {
      return resizedCopy(
          linear, (int) linear.getParameters().get("weight").getArray().getShape().get(0));
    }
    if (layer instanceof BatchNorm) {
      return BatchNorm.builder().build();
    }
    // Parameterless layers (ReLU, pooling, dropout, flatten, log-softmax) can be shared.
    return layer;
  }

  private static Block resizedCopy(Block layer, int size) {
    if (size < 1) {
      throw new IllegalArgumentException("a layer needs at least one output, not " + size);
    }
    if (layer instanceof Conv2d conv) {
      return Conv2d.builder()
          .setKernelShape(conv.getKernelShape())
          .optStride(conv.getStride())
          .optPadding(conv.getPadding())
          .optDilation(conv.getDilation())
          .optGroups(conv.getGroups())
          .setFilters(size)
          .build();
    }
    if (layer instanceof Linear) {
      return Linear.builder().setUnits(size).build();
    }
    if (layer instanceof BatchNorm) {
      return BatchNorm.builder().build();
    }
    throw new IllegalArgumentException(layer.getClass().getSimpleName() + " cannot be resized");
  }

  Map<String, Block> namedLayerBlocks() {
    return layers;
  }

  /** Writes every parameter and running statistic, bit for bit. */
  public void save(Path file) throws IOException {
    Files.createDirectories(file.toAbsolutePath().getParent());
    Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
    try (var out = new DataOutputStream(new BufferedOutputStream(Files.newOutputStream(tmp)))) {
      out.writeInt(CHECKPOINT_MAGIC);
      out.writeInt(CHECKPOINT_VERSION);
      out.writeUTF(name);
      block.saveParameters(out);
    }
    Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
  }

  /** Reads a checkpoint written by {@link #save} for the same architecture. */
  public void load(Path file) throws IOException {
    try (var in = new DataInputStream(new BufferedInputStream(Files.newInputStream(file)))) {
      if (in.readInt() != CHECKPOINT_MAGIC || in.readInt() != CHECKPOINT_VERSION) {
        throw new IOException(file + " is not a Pruning Lab checkpoint");
      }
      String saved = in.readUTF();
      if (!saved.equals(name)) {
        throw new IOException(file + " holds a " + saved + " model, not a " + name + " model");
      }
      block.loadParameters(manager, in);
    } catch (MalformedModelException e) {
      throw new IOException(file + " does not fit this " + name + " model: " + e.getMessage(), e);
    }
  }

  @Override
  public void close() {
    manager.close();
  }

  Shape batchShape(long n) {
    long[] dims = new long[imageShape.dimension() + 1];
    dims[0] = n;
    System.arraycopy(imageShape.getShape(), 0, dims, 1, imageShape.dimension());
    return new Shape(dims);
  }

  private static Shape perImage(Shape batch) {
    return batch.slice(1);
  }

  private static LayerKind kindOf(Block layer) {
    if (layer instanceof Conv2d) {
      return LayerKind.CONV2D;
    }
    if (layer instanceof Linear) {
      return LayerKind.LINEAR;
    }
    if (layer instanceof BatchNorm) {
      return LayerKind.BATCH_NORM;
    }
    return LayerKind.OTHER;
  }

  private static long macs(Block layer, Shape output) {
    if (layer instanceof Conv2d conv) {
      Shape w = conv.getParameters().get("weight").getArray().getShape();
      return output.slice(1).size() * w.get(1) * w.get(2) * w.get(3);
    }
    if (layer instanceof Linear linear) {
      Shape w = linear.getParameters().get("weight").getArray().getShape();
      return w.get(0) * w.get(1);
    }
    return 0;
  }

  private static Map<String, Block> namedLayers(Layers block) {
    Map<String, Block> out = new LinkedHashMap<>();
    for (Pair<String, Block> child : block.getChildren()) {
      // DJL prefixes child names with a two-digit position ("01conv1").
      out.put(child.getKey().replaceFirst("^\\d+", ""), child.getValue());
    }
    return out;
  }

  private static Map<String, Parameter> namedParameters(Map<String, Block> layers) {
    Map<String, Parameter> out = new LinkedHashMap<>();
    layers.forEach(
        (layerName, layer) -> {
          for (Pair<String, Parameter> p : layer.getParameters()) {
            out.put(layerName + "." + torchName(p.getKey()), p.getValue());
          }
        });
    return out;
  }

  private static String torchName(String djlName) {
    return switch (djlName) {
      case "gamma" -> "weight";
      case "beta" -> "bias";
      case "runningMean" -> "running_mean";
      case "runningVar" -> "running_var";
      default -> djlName;
    };
  }

  /** The device the lab runs on; used by factories when none is given. */
  static Device defaultDevice() {
    return LabEngine.device();
  }
}
