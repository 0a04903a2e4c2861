/// The page's stylesheet and script, served from the binary (no CDN, no build step; the page works offline).
enum StaticAssets {
    static let css = """
        body{font-family:"Microsoft YaHei","PingFang SC","Noto Sans CJK SC",sans-serif;margin:0;color:#222;background:#f6f7f9}
        header{background:#8b1a1a;color:#fff;padding:.6em 1.2em;display:flex;justify-content:space-between;align-items:center}
        header a{color:#fff;text-decoration:none;margin-left:1em}.brand{font-weight:bold;margin-left:0}
        main{max-width:1100px;margin:1.2em auto;background:#fff;padding:1.2em 1.6em;border-radius:6px}
        label{display:block;margin-top:1em;font-weight:bold}input[type=text]{width:24em;padding:.3em}
        .drop{border:2px dashed #999;border-radius:6px;padding:1.5em;text-align:center;color:#555;margin-top:.4em}
        .drop.over{border-color:#8b1a1a;background:#fff4f4}.pair{display:flex;gap:1em}
        button,.button{margin-top:1.2em;background:#8b1a1a;color:#fff;border:0;padding:.6em 1.4em;border-radius:4px;font-size:1em;text-decoration:none;display:inline-block;cursor:pointer}
        button.link{background:none;margin:0 0 0 1em;padding:0;color:#fff}form.inline{display:inline}
        .hint{color:#666}.ok{color:#1a6b1a}.bad{color:#a00;font-weight:bold}
        table{border-collapse:collapse;width:100%;margin-top:.8em;font-size:.92em}th,td{border:1px solid #ddd;padding:.35em .5em;text-align:left;vertical-align:top}
        #findings td:nth-child(-n+3){white-space:nowrap}
        tr.group th{background:#eef;font-weight:bold}tr.error td:nth-child(3){color:#a00;font-weight:bold}tr.warning td:nth-child(3){color:#a60}
        #filter select{margin-right:.6em;padding:.2em}#filter button{margin-top:0;padding:.3em 1em}
        .charts svg{display:block;margin-top:1.2em;max-width:100%;height:auto}tfoot td{font-weight:bold;background:#f3f3f3}
        #district th a{color:inherit;text-decoration:none}#district td:nth-child(n+3){text-align:right}
        #period select{padding:.2em}#period button{margin-top:0;padding:.3em 1em}
        """

    static let javascript = """
        document.addEventListener('DOMContentLoaded', function () {
          var zone = document.getElementById('drop-zone'), input = document.getElementById('files');
          var form = document.getElementById('upload-form');
          if (zone && input) {
            zone.addEventListener('click', function (e) { if (e.target !== input) input.click(); });
            ['dragenter', 'dragover'].forEach(function (t) { zone.addEventListener(t, function (e) { e.preventDefault(); zone.classList.add('over'); }); });
            ['dragleave', 'drop'].forEach(function (t) { zone.addEventListener(t, function (e) { e.preventDefault(); zone.classList.remove('over'); }); });
            zone.addEventListener('drop', function (e) { if (e.dataTransfer && e.dataTransfer.files.length) input.files = e.dataTransfer.files; });
          }
          if (form) form.addEventListener('submit', function () {
            var w = document.getElementById('working'), b = document.getElementById('submit');
            if (w) w.hidden = false; if (b) b.disabled = true;
          });
          var filter = document.getElementById('filter');
          if (filter) filter.querySelectorAll('select').forEach(function (s) { s.addEventListener('change', function () { filter.submit(); }); });
        });
        """
}
