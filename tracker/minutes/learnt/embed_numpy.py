"""all-MiniLM-L6-v2 without torch: a numpy forward pass over the bundled `model.safetensors`,
tokenised by `tokenizers` (issue 17, branch embed). What wiring the embedding into the reader
would need; measured by `embed_labels --speed --numpy` (tests/data/minutes/README.md, "A
pretrained sentence embedding"). safetensors and tokenizers are imported by name: neither is
the project's dependency.
"""

from __future__ import annotations

import importlib
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import numpy as np

LAYERS, HEADS, WIDTH, MAX_TOKENS = 6, 12, 384, 256


class NumpyMiniLM:
    """The same vectors as sentence-transformers (mean-pooled, normalised), in numpy."""

    def __init__(self, model_dir: str) -> None:
        st = importlib.import_module("safetensors.numpy")
        tk = importlib.import_module("tokenizers")
        self.w: dict[str, np.ndarray] = st.load_file(str(Path(model_dir) / "model.safetensors"))
        self.tok: Any = tk.Tokenizer.from_file(str(Path(model_dir) / "tokenizer.json"))
        self.tok.enable_truncation(MAX_TOKENS)
        self.tok.no_padding()  # the file pads to 128; each batch pads to its longest instead

    def _norm(self, x: np.ndarray, name: str) -> np.ndarray:
        m = x.mean(-1, keepdims=True)
        v = ((x - m) ** 2).mean(-1, keepdims=True)
        return np.asarray(
            (x - m) / np.sqrt(v + 1e-12) * self.w[name + ".weight"] + self.w[name + ".bias"]
        )

    def _lin(self, x: np.ndarray, name: str) -> np.ndarray:
        return np.asarray(x @ self.w[name + ".weight"].T + self.w[name + ".bias"])

    def _batch(self, texts: Sequence[str]) -> np.ndarray:
        encs = self.tok.encode_batch(list(texts))
        n, length = len(encs), max(len(e.ids) for e in encs)
        ids = np.zeros((n, length), np.int64)
        mask = np.zeros((n, length), np.float32)
        for r, e in enumerate(encs):
            ids[r, : len(e.ids)] = e.ids
            mask[r, : len(e.ids)] = 1.0
        w = self.w
        x = (
            w["embeddings.word_embeddings.weight"][ids]
            + w["embeddings.position_embeddings.weight"][:length]
            + w["embeddings.token_type_embeddings.weight"][0]
        )
        x = self._norm(x, "embeddings.LayerNorm")
        off = (1.0 - mask)[:, None, None, :] * np.float32(-1e9)
        d = WIDTH // HEADS
        for layer in range(LAYERS):
            p = f"encoder.layer.{layer}."

            def heads(name: str, x: np.ndarray = x, p: str = p) -> np.ndarray:
                return self._lin(x, p + name).reshape(n, length, HEADS, d).transpose(0, 2, 1, 3)

            q, k, v = (
                heads("attention.self.query"),
                heads("attention.self.key"),
                heads("attention.self.value"),
            )
            a = q @ k.transpose(0, 1, 3, 2) * np.float32(d**-0.5) + off
            a = np.exp(a - a.max(-1, keepdims=True))
            a /= a.sum(-1, keepdims=True)
            c = (a @ v).transpose(0, 2, 1, 3).reshape(n, length, WIDTH)
            x = self._norm(
                self._lin(c, p + "attention.output.dense") + x, p + "attention.output.LayerNorm"
            )
            h = self._lin(x, p + "intermediate.dense")
            h = (
                0.5
                * h
                * (1.0 + np.tanh(np.float32(0.7978845608) * (h + np.float32(0.044715) * h**3)))
            )
            x = self._norm(self._lin(h, p + "output.dense") + x, p + "output.LayerNorm")
        e = (x * mask[:, :, None]).sum(1) / mask.sum(1, keepdims=True)
        return np.asarray(e / np.linalg.norm(e, axis=1, keepdims=True), dtype=np.float32)

    def encode(self, texts: Sequence[str], batch_size: int = 32, **_: Any) -> np.ndarray:
        """Batches of similar length (as sentence-transformers does), in the texts' order."""
        order = sorted(range(len(texts)), key=lambda i: len(texts[i]))
        out = np.zeros((len(texts), WIDTH), np.float32)
        for s in range(0, len(order), batch_size):
            idx = order[s : s + batch_size]
            out[idx] = self._batch([texts[i] for i in idx])
        return out
