"""One-time local export of a sentence-transformers model's transformer to ONNX.

The export needs torch + transformers (and the `onnx` package); finding and checking an existing
export needs neither. Layout of an export folder (~/.cache/studybot/onnx/<key>/, see ingest.embedder.default_onnx_cache):
`model.onnx` and `complete.json`, the marker written last. The folder is built under a temporary
name and renamed into place, so a folder with a marker is always whole.
"""

from __future__ import annotations

import hashlib
import json
import os
import re
import shutil
import tempfile
import warnings
from pathlib import Path

from core.hashing import sha256_file

MODEL_FILE = "model.onnx"
MARKER = "complete.json"
FORMAT = 1  # bump when the export itself changes, so old exports are redone
OPSET = 17
WEIGHT_FILES = ("model.safetensors", "pytorch_model.bin")
# Largest acceptable |onnxruntime - torch| on the last hidden state of the check batch.
MAX_ABS_DIFF = 1e-3


def export_dir(cache_root: Path, name: str, model_path: Path) -> Path:
    """Where the export of `name` lives: readable, and unique per model folder."""
    digest = hashlib.sha256(str(model_path.resolve()).encode()).hexdigest()[:10]
    slug = re.sub(r"[^A-Za-z0-9._-]+", "_", Path(name).name or "model")[:60]
    return cache_root / f"{slug}-{digest}"


def source_fingerprint(model_path: Path) -> dict[str, list[int]]:
    """Size and mtime of the weights: cheap to check on every start, changes on reinstall."""
    found = {}
    for name in WEIGHT_FILES:
        path = model_path / name
        if path.is_file():
            st = path.stat()
            found[name] = [st.st_size, st.st_mtime_ns]
    return found


def find_export(folder: Path, model_path: Path) -> Path | None:
    """The exported model.onnx if `folder` holds a complete export of these weights, else None."""
    try:
        marker = json.loads((folder / MARKER).read_text(encoding="utf-8"))
        onnx_size = (folder / MODEL_FILE).stat().st_size
    except (OSError, ValueError):
        return None
    if (
        marker.get("format") != FORMAT
        or marker.get("source_fingerprint") != source_fingerprint(model_path)
        or marker.get("onnx_bytes") != onnx_size
    ):
        return None
    return folder / MODEL_FILE


def export(model_path: Path, folder: Path) -> Path:
    """Export the transformer under `model_path` to `folder`/model.onnx; return that file.

    Imports torch and transformers (seconds). Checks onnxruntime's output against torch's on a
    padded batch before the export counts as complete.
    """
    import numpy as np
    import onnxruntime as ort
    import torch
    from transformers import AutoModel
    from transformers.utils import logging as hf_logging

    from core.config import go_offline
    from ingest.onnx_runtime import load_tokenizer, read_layout

    go_offline()
    hf_logging.disable_progress_bar()
    layout = read_layout(model_path)
    model = AutoModel.from_pretrained(
        str(model_path), local_files_only=True, attn_implementation="eager"
    )

    class LastHiddenState(torch.nn.Module):
        # transformers' forward takes many optional arguments; pin the three the graph feeds.
        def __init__(self, inner):
            super().__init__()
            self.inner = inner

        def forward(self, input_ids, attention_mask, token_type_ids):
            return self.inner(
                input_ids=input_ids, attention_mask=attention_mask, token_type_ids=token_type_ids
            ).last_hidden_state

    wrapped = LastHiddenState(model).eval()
    # Trace with real padding: a mask of all ones could let transformers skip the mask entirely.
    tok = load_tokenizer(model_path, layout.max_seq_length)
    tok.enable_padding(pad_id=tok.token_to_id("[PAD]") or 0)
    sample = tok.encode_batch(
        ["a short one", "a somewhat longer sentence, padded less, for tracing"]
    )
    feeds = {
        "input_ids": np.array([e.ids for e in sample], dtype=np.int64),
        "attention_mask": np.array([e.attention_mask for e in sample], dtype=np.int64),
        "token_type_ids": np.array([e.type_ids for e in sample], dtype=np.int64),
    }
    args = tuple(torch.from_numpy(v) for v in feeds.values())
    axes = {k: {0: "batch", 1: "tokens"} for k in [*feeds, "last_hidden_state"]}

    folder.parent.mkdir(parents=True, exist_ok=True)
    tmp = Path(tempfile.mkdtemp(prefix=f".{folder.name}-", dir=folder.parent))
    try:
        onnx_file = tmp / MODEL_FILE
        # The tracer's warnings (legacy exporter, Python-bool casts in masking code) are
        # expected for BERT; the comparison with torch below is what decides.
        with torch.no_grad(), warnings.catch_warnings():
            warnings.simplefilter("ignore")
            torch.onnx.export(
                wrapped,
                args,
                str(onnx_file),
                input_names=list(feeds),
                output_names=["last_hidden_state"],
                dynamic_axes=axes,
                opset_version=OPSET,
                dynamo=False,  # the TorchScript exporter: no onnxscript, stable for BERT
            )
            expected = wrapped.eval()(*args).numpy()
        session = ort.InferenceSession(str(onnx_file), providers=["CPUExecutionProvider"])
        got = session.run(None, feeds)[0]
        diff = float(np.abs(got - expected).max())
        if diff > MAX_ABS_DIFF:
            raise RuntimeError(f"ONNX export of {model_path} differs from torch by {diff:.2e}")
        marker = {
            "format": FORMAT,
            "source": str(model_path),
            "source_fingerprint": source_fingerprint(model_path),
            "onnx_bytes": onnx_file.stat().st_size,
            "onnx_sha256": sha256_file(onnx_file),
            "max_abs_diff_vs_torch": diff,
            "torch": torch.__version__,
            "onnxruntime": ort.__version__,
            "opset": OPSET,
        }
        (tmp / MARKER).write_text(json.dumps(marker, indent=2), encoding="utf-8")
        if folder.exists():  # a stale or broken export: replace it
            shutil.rmtree(folder, ignore_errors=True)
        try:
            os.rename(tmp, folder)
        except OSError:
            # Another process finished the same export first; theirs is as good as ours.
            if find_export(folder, model_path) is None:
                raise
            shutil.rmtree(tmp, ignore_errors=True)
    except BaseException:
        shutil.rmtree(tmp, ignore_errors=True)
        raise
    return folder / MODEL_FILE


def ensure_export(model_path: Path, folder: Path) -> Path:
    """The existing export in `folder`, or a fresh one."""
    return find_export(folder, model_path) or export(model_path, folder)
