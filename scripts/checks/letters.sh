#!/usr/bin/env bash
# The review letters open in a word processor: `wardplan letters` on the seed plans, each .docx
# converted to PDF by LibreOffice, the text read back with pdftotext, and what issue 12 asks of
# Ngọc Hà's letter checked in it (the plan's number and date, "Kính gửi", requests grouped by area,
# no line references, no other ward). Called by scripts/test.sh after the build.
set -euo pipefail
cd "$(dirname "$0")/../.."

scripts/setup.sh libreoffice-writer poppler-utils
BIN=.build/debug/wardplan
OUT=.build/letters-check
rm -rf "$OUT"
mkdir -p "$OUT"

"$BIN" letters Tests/Fixtures/seeds --out "$OUT" --as-of 2026-07-01 --quiet
# A profile of its own, so a LibreOffice the user has open does not take the job.
soffice -env:UserInstallation="file://$PWD/$OUT/profile" --headless --convert-to pdf --outdir "$OUT" \
  "$OUT"/phuong-nam-do-son.docx "$OUT"/phuong-ngoc-ha.docx >/dev/null 2>&1

fail() { echo "letters check: $*" >&2; exit 1; }
for ward in phuong-nam-do-son phuong-ngoc-ha; do
  [ -s "$OUT/$ward.pdf" ] || fail "LibreOffice did not convert $ward.docx"
  pdftotext "$OUT/$ward.pdf" "$OUT/$ward.txt"
  # Lines joined: a phrase may wrap at the end of a line.
  tr '\n' ' ' <"$OUT/$ward.txt" | tr -s ' ' >"$OUT/$ward.flat"
  for phrase in "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM" "Độc lập - Tự do - Hạnh phúc" "Kính gửi:" "V/v góp ý Kế hoạch" \
    "Nơi nhận:" "Nghị quyết số 76/NQ-CP ngày 15/7/2021"; do
    grep -qF "$phrase" "$OUT/$ward.flat" || fail "$ward: no \"$phrase\""
  done
  ! grep -q "dòng" "$OUT/$ward.flat" || fail "$ward: a line reference (\"dòng\")"
  ! grep -qi "tham khảo" "$OUT/$ward.flat" || fail "$ward: peer practice"
done
flat="$OUT/phuong-ngoc-ha.flat"
grep -qF "Kế hoạch số 263/KH-UBND ngày 11/6/2026" "$flat" || fail "Ngọc Hà: the plan's number and date"
grep -qF "1. Về cải cách thủ tục hành chính" "$flat" || fail "Ngọc Hà: requests not grouped by area"
grep -qF "2. Về cải cách tổ chức bộ máy hành chính nhà nước" "$flat" || fail "Ngọc Hà: second area"
! grep -q "Nam Đồ Sơn" "$flat" || fail "Ngọc Hà's letter names another ward"
! grep -q "Ngọc Hà" "$OUT/phuong-nam-do-son.flat" || fail "Nam Đồ Sơn's letter names another ward"
echo "letters check: 2 letters converted by LibreOffice and read back"
