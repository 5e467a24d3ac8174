"""PyTorch side of `reproduce --only iterative --model cnn` (docs/reproduction.md, "iterative").

Seed 001's CNN, pre-trained as in gradual_pipeline.py (the same cached dense weights), then two
arms with the same fine-tune budget of three epochs of seed 001's fine-tune (SGD lr 0.1, momentum
0.9, wd 1e-4, CosineAnnealingLR over the phase's epochs, masks re-applied after every step, a
fresh optimiser per phase as seed 004's fine_tune):

- one-shot: global magnitude pruning to 90 % of all prunable weights, then 3 epochs;
- iterative: 3 global rounds of p = 1 - 0.1^(1/3) of the survivors (k = round(p * S) of the S
  survivors, the k smallest |w| among them), each followed by 1 epoch.

Run on 2 threads:
  /usr/bin/python3 docs/pytorch/iterative_pipeline.py [--dense /tmp/cnn-dense-seed001.pt]
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
from gradual_pipeline import Net, evaluate, load, pretrain, prunable, sparsity  # noqa: E402


def prune_globally(model, count):
    """One threshold over the concatenated |w| of every prunable weight: the count-th smallest;
    keep |w| > threshold, in place. Returns the masks."""
    weights = prunable(model)
    if count == 0:
        return {n: torch.ones_like(p, dtype=torch.bool) for n, p in weights}
    magnitudes = torch.cat([p.detach().abs().view(-1) for _, p in weights])
    threshold = magnitudes.kthvalue(count).values
    masks = {}
    with torch.no_grad():
        for n, p in weights:
            masks[n] = torch.gt(p.abs(), threshold)
            p.mul_(masks[n])
    return masks


def fine_tune(model, masks, epochs, train_loader):
    opt = torch.optim.SGD(model.parameters(), lr=0.1, momentum=0.9, weight_decay=1e-4)
    sch = torch.optim.lr_scheduler.CosineAnnealingLR(opt, epochs)
    seconds = 0.0
    for _ in range(epochs):
        model.train()
        t0 = time.perf_counter()
        for x, y in train_loader():
            opt.zero_grad()
            F.nll_loss(model(x), y).backward()
            opt.step()
            with torch.no_grad():
                for n, p in prunable(model):
                    p.mul_(masks[n])
        sch.step()
        seconds += time.perf_counter() - t0
    return seconds


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--dense", default="/tmp/cnn-dense-seed001.pt")
    parser.add_argument("--out", default="/tmp/iterative-pytorch.json")
    args = parser.parse_args()
    torch.set_num_threads(2)
    torch.manual_seed(0)
    train, test = load()
    test_loader = DataLoader(test, batch_size=1000)

    def train_loader():
        torch.manual_seed(0)
        return DataLoader(train, batch_size=256, shuffle=True)

    dense = Net()
    if os.path.exists(args.dense):
        dense.load_state_dict(torch.load(args.dense))
        print("loaded", args.dense)
    else:
        pretrain(dense, train_loader(), test_loader)
        torch.save(dense.state_dict(), args.dense)
    total = sum(p.numel() for _, p in prunable(dense))
    result = dict(dense_accuracy=evaluate(dense, test_loader), torch=torch.__version__)

    model = copy.deepcopy(dense)
    masks = prune_globally(model, round(0.9 * total))
    pruned = evaluate(model, test_loader)
    seconds = fine_tune(model, masks, 3, train_loader)
    result["one_shot"] = dict(sparsity=sparsity(model)[0], accuracy_pruned=pruned,
                              accuracy=evaluate(model, test_loader), nonzero=sparsity(model)[1],
                              seconds=seconds)
    print("one-shot:", result["one_shot"], flush=True)

    model = copy.deepcopy(dense)
    rate = 1 - 0.1 ** (1 / 3)
    rounds = []
    for r in range(1, 4):
        zeros = total - sparsity(model)[1]
        masks = prune_globally(model, zeros + round(rate * (total - zeros)))
        s, nonzero = sparsity(model)
        pruned = evaluate(model, test_loader)
        seconds = fine_tune(model, masks, 1, train_loader)
        rounds.append(dict(round=r, sparsity=s, nonzero=nonzero, accuracy_pruned=pruned,
                           accuracy=evaluate(model, test_loader), seconds=seconds))
        print("round", rounds[-1], flush=True)
    result["iterative"] = rounds
    with open(args.out, "w") as f:
        json.dump(result, f, indent=1)
    print("wrote", args.out)


if __name__ == "__main__":
    main()
