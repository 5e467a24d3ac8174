package org.pruninglab.labkit.model;

import ai.djl.Device;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Activation;
import ai.djl.nn.Block;
import ai.djl.nn.Blocks;
import ai.djl.nn.LambdaBlock;
import ai.djl.nn.convolutional.Conv2d;
import ai.djl.nn.core.Linear;
import ai.djl.nn.norm.BatchNorm;
import ai.djl.nn.norm.Dropout;
import ai.djl.nn.pooling.Pool;
import java.util.Map;
import java.util.Random;
import org.pruninglab.labkit.LabEngine;

/**
 * Builds the seeds' models, initialised as PyTorch initialises {@code nn.Linear} and {@code
 * nn.Conv2d} (weights and biases uniform in ±1/√fan_in), from a seed: the same seed gives the same
 * weights on every machine.
 */
public final class Models {

  /** Fashion-MNIST images: one channel, 28×28. */
  public static final Shape IMAGE = new Shape(1, 28, 28);

  private Models() {}

  public static LabModel create(ModelKind kind, long seed) {
    return create(kind, seed, LabEngine.device());
  }

  public static LabModel create(ModelKind kind, long seed, Device device) {
    LabEngine.engine();
    LabModel model =
        switch (kind) {
          case MLP -> new LabModel("mlp", mlp(), IMAGE, false, device);
          case CNN -> new LabModel("cnn", cnn(), IMAGE, true, device);
          case VGG -> new LabModel("vgg", vgg(), IMAGE, false, device);
        };
    initialiseLikePyTorch(model, seed);
    return model;
  }

  private static Layers mlp() {
    return new Layers()
        .layer("flatten", Blocks.batchFlattenBlock())
        .layer("fc1", linear(512))
        .layer("relu1", Activation.reluBlock())
        .layer("fc2", linear(256))
        .layer("relu2", Activation.reluBlock())
        .layer("fc3", linear(128))
        .layer("relu3", Activation.reluBlock())
        .layer("fc4", linear(10));
  }

  private static Layers cnn() {
    return new Layers()
        .layer("conv1", conv(32, 0))
        .layer("relu1", Activation.reluBlock())
        .layer("conv2", conv(64, 0))
        .layer("relu2", Activation.reluBlock())
        .layer("pool", Pool.maxPool2dBlock(new Shape(2, 2)))
        .layer("dropout1", Dropout.builder().optRate(0.25f).build())
        .layer("flatten", Blocks.batchFlattenBlock())
        .layer("fc1", linear(128))
        .layer("relu3", Activation.reluBlock())
        .layer("dropout2", Dropout.builder().optRate(0.5f).build())
        .layer("fc2", linear(10))
        .layer("log_softmax", LambdaBlock.singleton(x -> x.logSoftmax(1), "log_softmax"));
  }

  private static Layers vgg() {
    return new Layers()
        .layer("conv1", conv(16, 1))
        .layer("bn1", BatchNorm.builder().build())
        .layer("relu1", Activation.reluBlock())
        .layer("conv2", conv(32, 1))
        .layer("bn2", BatchNorm.builder().build())
        .layer("relu2", Activation.reluBlock())
        .layer("pool1", Pool.maxPool2dBlock(new Shape(2, 2)))
        .layer("conv3", conv(64, 1))
        .layer("bn3", BatchNorm.builder().build())
        .layer("relu3", Activation.reluBlock())
        .layer("pool2", Pool.maxPool2dBlock(new Shape(2, 2)))
        .layer("flatten", Blocks.batchFlattenBlock())
        .layer("fc1", linear(128))
        .layer("relu4", Activation.reluBlock())
        .layer("fc2", linear(10));
  }

  static Block linear(long units) {
    return Linear.builder().setUnits(units).build();
  }

  static Block conv(int filters, int padding) {
    return Conv2d.builder()
        .setKernelShape(new Shape(3, 3))
        .setFilters(filters)
        .optPadding(new Shape(padding, padding))
        .build();
  }

  /** kaiming_uniform(a=√5) for weights and U(±1/√fan_in) for biases, as PyTorch does. */
  static void initialiseLikePyTorch(LabModel model, long seed) {
    Random random = new Random(seed);
    Map<String, NDArray> params = model.parameters();
    for (var layer : model.namedLayerBlocks().entrySet()) {
      Block block = layer.getValue();
      if (!(block instanceof Linear || block instanceof Conv2d)) {
        continue;
      }
      NDArray weight = params.get(layer.getKey() + ".weight");
      long fanIn = weight.getShape().size() / weight.getShape().get(0);
      float bound = (float) (1.0 / Math.sqrt(fanIn));
      fillUniform(weight, bound, random);
      NDArray bias = params.get(layer.getKey() + ".bias");
      if (bias != null) {
        fillUniform(bias, bound, random);
      }
    }
  }

  private static void fillUniform(NDArray array, float bound, Random random) {
    float[] values = new float[Math.toIntExact(array.size())];
    for (int i = 0; i < values.length; i++) {
      values[i] = (random.nextFloat() * 2 - 1) * bound;
    }
    array.set(values);
  }
}
