"""PyTorch side of `reproduce --only sensitivity` (docs/reproduction.md, "sensitivity").

Seed 001's CNN (the dense weights cached by gradual_pipeline.py, or trained by its recipe), MIT
6.5940 Lab 1's sensitivity scan: each weight with dim > 1 alone pruned with seed 001's
fine_grained_prune to each of 0.4, 0.5, ..., 0.9 (the literals), evaluated on the 10,000 test
images and restored; per layer the largest sparsity whose accuracy is >= dense - 0.02; those
sparsities applied; seed 001's masked fine-tune (SGD 0.1, momentum 0.9, wd 1e-4,
CosineAnnealingLR(T_max=2), 2 epochs, batch 256, masks re-applied after every step, the last
epoch's weights).

  /usr/bin/python3 docs/pytorch/sensitivity_pipeline.py [--dense /tmp/cnn-dense-seed001.pt]
"""
import argparse
import copy
import json
import os
import sys
import time

import torch
import torch.nn.functional as F
from torch.utils.data import DataLoader

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from gradual_pipeline import Net, evaluate, fine_grained_prune, load, pretrain, prunable  # noqa: E402

GRID = [0.4, 0.5, 0.6, 0.7, 0.8, 0.9]
MAX_DROP = 0.02


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--dense", default="/tmp/cnn-dense-seed001.pt")
    parser.add_argument("--out", default="/tmp/sensitivity-pytorch.json")
    args = parser.parse_args()
    torch.set_num_threads(2)
    torch.manual_seed(0)
    train, test = load()
    test_loader = DataLoader(test, batch_size=1000)

    def train_loader():
        torch.manual_seed(0)
        return DataLoader(train, batch_size=256, shuffle=True)

    model = Net()
    if os.path.exists(args.dense):
        model.load_state_dict(torch.load(args.dense))
        print("loaded", args.dense)
    else:
        pretrain(model, train_loader(), test_loader)
        torch.save(model.state_dict(), args.dense)
    dense = evaluate(model, test_loader)
    result = dict(dense_accuracy=dense, grid=GRID, torch=torch.__version__, scan={}, chosen={})

    before = copy.deepcopy(model.state_dict())
    t0 = time.perf_counter()
    for name, p in prunable(model):
        kept = p.detach().clone()
        accuracies = []
        for s in GRID:
            with torch.no_grad():
                fine_grained_prune(p, s)
            accuracies.append(evaluate(model, test_loader))
            with torch.no_grad():
                p.copy_(kept)
        result["scan"][name] = accuracies
        passing = [s for s, a in zip(GRID, accuracies) if a >= dense - MAX_DROP]
        result["chosen"][name] = max(passing) if passing else 0.0
        print(name, p.numel(), " ".join(f"{100 * a:.2f}" for a in accuracies),
              "chosen", result["chosen"][name], flush=True)
    result["scan_seconds"] = time.perf_counter() - t0
    # The scan restored every layer bit for bit: the model is the dense one again.
    assert all(torch.equal(before[k], v) for k, v in model.state_dict().items())

    with torch.no_grad():
        masks = {n: fine_grained_prune(p, result["chosen"][n]) if result["chosen"][n] > 0
                 else torch.ones_like(p, dtype=torch.bool) for n, p in prunable(model)}
    result["accuracy_pruned"] = evaluate(model, test_loader)
    opt = torch.optim.SGD(model.parameters(), lr=0.1, momentum=0.9, weight_decay=1e-4)
    sch = torch.optim.lr_scheduler.CosineAnnealingLR(opt, 2)
    for _ in range(2):
        model.train()
        for x, y in train_loader():
            opt.zero_grad()
            F.nll_loss(model(x), y).backward()
            opt.step()
            with torch.no_grad():
                for n, p in prunable(model):
                    p.mul_(masks[n])
        sch.step()
    result["accuracy_finetuned"] = evaluate(model, test_loader)
    result["nonzero_parameters"] = sum(int(p.count_nonzero()) for p in model.parameters())
    result["parameters"] = sum(p.numel() for p in model.parameters())
    print({k: v for k, v in result.items() if k not in ("scan",)}, flush=True)
    with open(args.out, "w") as f:
        json.dump(result, f, indent=1)
    print("wrote", args.out)


if __name__ == "__main__":
    main()
