"""PyTorch side of `reproduce --only two-four` (docs/reproduction.md, section "two-four").

Seed 001's CNN on Fashion-MNIST, pre-trained by seed 001's recipe (Adadelta lr 1, StepLR gamma 0.7,
5 epochs, batch 256, best epoch kept), then two arms from the same dense weights, each one epoch of
SGD lr 0.1, momentum 0.9, wd 1e-4, CosineAnnealingLR(T_max=1) (seed 001's fine-tune, one epoch),
the masks re-applied after every step:

- 2:4: in every group of 4 consecutive weights along the input dimension (dim 1; for a conv weight
  [out, in, kh, kw], 4 input channels at one kernel position) the 2 largest |w| kept, ties to the
  lower index (a stable sort); a weight whose input dimension is not a multiple of 4 (conv1) left
  dense -- NVIDIA ASP's m4n2_1d, design/semantics.md section 8;
- unstructured: every weight with dim > 1 pruned to 50 % on its own (seed 001's fine_grained_prune).

Self-contained (reads the Debian dataset-fashion-mnist files). Run on 2 threads:
  /usr/bin/python3 docs/pytorch/two_four_pipeline.py [--dense /tmp/cnn-dense-seed001.pt]
--dense caches the pre-trained weights (the gradual script's file serves too).
"""
import argparse
import copy
import gzip
import json
import os
import struct
import time

import numpy as np
import torch
import torch.nn.functional as F
from torch import nn
from torch.utils.data import DataLoader, TensorDataset

DATA = os.environ.get("FMNIST_DIR", "/usr/share/datasets/fashion-mnist")


def read_idx(path):
    with gzip.open(path, "rb") as f:
        raw = f.read()
    _, _, ndim = struct.unpack(">HBB", raw[:4])
    dims = struct.unpack(">" + "I" * ndim, raw[4:4 + 4 * ndim])
    return np.frombuffer(raw, dtype=np.uint8, offset=4 + 4 * ndim).reshape(dims)


def load():
    xtr = read_idx(os.path.join(DATA, "train-images-idx3-ubyte.gz"))
    ytr = read_idx(os.path.join(DATA, "train-labels-idx1-ubyte.gz"))
    xte = read_idx(os.path.join(DATA, "t10k-images-idx3-ubyte.gz"))
    yte = read_idx(os.path.join(DATA, "t10k-labels-idx1-ubyte.gz"))
    x01 = xtr.astype(np.float64) / 255.0
    mean, std = float(x01.mean()), float(x01.std())

    def tensor(x):
        t = torch.from_numpy(np.array(x, copy=True)).float().div_(255.0).unsqueeze(1)
        return t.sub_(mean).div_(std)

    return (TensorDataset(tensor(xtr), torch.from_numpy(ytr.astype(np.int64))),
            TensorDataset(tensor(xte), torch.from_numpy(yte.astype(np.int64))))


class Net(nn.Module):
    def __init__(self):
        super().__init__()
        self.conv1 = nn.Conv2d(1, 32, 3, 1)
        self.conv2 = nn.Conv2d(32, 64, 3, 1)
        self.dropout1 = nn.Dropout(0.25)
        self.dropout2 = nn.Dropout(0.5)
        self.fc1 = nn.Linear(9216, 128)
        self.fc2 = nn.Linear(128, 10)

    def forward(self, x):
        x = F.relu(self.conv2(F.relu(self.conv1(x))))
        x = torch.flatten(self.dropout1(F.max_pool2d(x, 2)), 1)
        x = self.fc2(self.dropout2(F.relu(self.fc1(x))))
        return F.log_softmax(x, dim=1)


@torch.inference_mode()
def evaluate(model, loader):
    model.eval()
    correct = n = 0
    for x, y in loader:
        correct += int((model(x).argmax(dim=1) == y).sum())
        n += y.size(0)
    return correct / n


def fine_grained_prune(tensor, sparsity):
    """Seed 001: kthvalue threshold, keep |w| > threshold, in place; returns the mask."""
    k = round(tensor.numel() * min(max(0.0, sparsity), 1.0))
    if k == 0:
        return torch.ones_like(tensor, dtype=torch.bool)
    threshold = tensor.abs().view(-1).kthvalue(k).values
    mask = torch.gt(tensor.abs(), threshold)
    tensor.mul_(mask)
    return mask


def prunable(model):
    return [(n, p) for n, p in model.named_parameters() if p.dim() > 1]


def sparsity(model):
    total = sum(p.numel() for _, p in prunable(model))
    nonzero = sum(int(p.count_nonzero()) for _, p in prunable(model))
    return 1 - nonzero / total, nonzero


def pretrain(model, train_loader, test_loader):
    opt = torch.optim.Adadelta(model.parameters(), lr=1.0)
    sch = torch.optim.lr_scheduler.StepLR(opt, step_size=1, gamma=0.7)
    best, best_state = -1, None
    for epoch in range(5):
        model.train()
        t0 = time.perf_counter()
        for x, y in train_loader:
            opt.zero_grad()
            F.nll_loss(model(x), y).backward()
            opt.step()
        sch.step()
        acc = evaluate(model, test_loader)
        print(f"pre-train epoch {epoch + 1}: {100 * acc:.2f} % ({time.perf_counter() - t0:.1f} s)",
              flush=True)
        if acc > best:
            best, best_state = acc, copy.deepcopy(model.state_dict())
    model.load_state_dict(best_state)


def one_epoch(model, train_loader, after_step):
    """One epoch of seed 001's fine-tune; returns the seconds spent outside after_step's
    measurements (after_step returns the seconds it spent evaluating)."""
    opt = torch.optim.SGD(model.parameters(), lr=0.1, momentum=0.9, weight_decay=1e-4)
    sch = torch.optim.lr_scheduler.CosineAnnealingLR(opt, 1)
    model.train()
    measured = 0.0
    t0 = time.perf_counter()
    for step, (x, y) in enumerate(train_loader, start=1):
        opt.zero_grad()
        F.nll_loss(model(x), y).backward()
        opt.step()
        with torch.no_grad():
            measured += after_step(step)
        model.train()
    sch.step()
    return time.perf_counter() - t0 - measured


def two_four_mask(weight):
    """The 2:4 mask of a weight (True = kept), groups along dim 1, ties to the lower index."""
    out, inp = weight.shape[0], weight.shape[1]
    if inp % 4 != 0:
        return torch.ones_like(weight, dtype=torch.bool)
    # [out, in, *k] -> [out, *k, in/4, 4]: each group's 4 weights along the last dimension.
    w = weight.abs().reshape(out, inp, -1).permute(0, 2, 1).reshape(out, -1, inp // 4, 4)
    # A stable sort on -|w|: equal magnitudes keep their index order, the lower index first.
    order = torch.sort(-w, dim=-1, stable=True).indices
    keep = torch.zeros_like(w, dtype=torch.bool).scatter_(-1, order[..., :2], True)
    k = weight.shape[2:]
    keep = keep.reshape(out, -1, inp).permute(0, 2, 1)
    return keep.reshape(out, inp, *k)


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--dense", default="/tmp/cnn-dense-seed001.pt")
    parser.add_argument("--out", default="/tmp/two-four-pytorch.json")
    args = parser.parse_args()
    torch.set_num_threads(2)
    torch.manual_seed(0)
    # The rule on semantics.md's examples before anything is trained.
    ex = torch.tensor([[0.1, -0.5, 0.3, 0.2], [0.2, 0.2, 0.1, 0.2]])
    assert two_four_mask(ex).tolist() == [[False, True, True, False], [True, True, False, False]]
    train, test = load()
    test_loader = DataLoader(test, batch_size=1000)

    def train_loader():
        torch.manual_seed(0)  # the same order of images in both arms
        return DataLoader(train, batch_size=256, shuffle=True)

    dense = Net()
    if os.path.exists(args.dense):
        dense.load_state_dict(torch.load(args.dense))
        print("loaded", args.dense)
    else:
        pretrain(dense, train_loader(), test_loader)
        torch.save(dense.state_dict(), args.dense)
    dense_acc = evaluate(dense, test_loader)
    result = dict(dense_accuracy=dense_acc, torch=torch.__version__, threads=torch.get_num_threads())

    def arm(name, prune):
        model = copy.deepcopy(dense)
        with torch.no_grad():
            masks = {n: prune(p) for n, p in prunable(model)}
            for n, p in prunable(model):
                p.mul_(masks[n])
        pruned_acc = evaluate(model, test_loader)

        def reapply(_step):
            for n, p in prunable(model):
                p.mul_(masks[n])
            return 0.0

        seconds = one_epoch(model, train_loader(), reapply)
        s, nonzero = sparsity(model)
        result[name] = dict(accuracy_pruned=pruned_acc, accuracy=evaluate(model, test_loader),
                            sparsity=s, nonzero=nonzero, seconds=seconds)
        print(name + ":", result[name], flush=True)

    arm("two_four", two_four_mask)
    arm("unstructured_50", lambda p: fine_grained_prune(p, 0.5))
    with open(args.out, "w") as f:
        json.dump(result, f, indent=1)
    print("wrote", args.out)


if __name__ == "__main__":
    main()
