/*
 * Runs before the add-in's bundle, in plain ES5: Excel 2016 and 2019 bought under a volume licence
 * (and retail copies without the WebView2 runtime) open add-ins in Internet Explorer 11 or Edge
 * Legacy, which cannot run the pane. There this says so, in Vietnamese and English, with what to
 * do; the ribbon buttons open the same explanation instead of doing nothing.
 */
(function () {
  var agent = navigator.userAgent;
  var legacy = agent.indexOf('Trident') !== -1 || agent.indexOf('Edge/') !== -1;
  if (!legacy) return;
  window.PHULUC_LEGACY_WEBVIEW = true;
  var vi =
    'PhuLuc không chạy được trong Excel này: Excel đang mở bổ trợ bằng trình duyệt cũ (Internet Explorer 11 hoặc Edge Legacy). ' +
    'Cách khắc phục: cài "Microsoft Edge WebView2 Runtime" (miễn phí, của Microsoft) rồi mở lại Excel; hoặc dùng Excel trên web (Microsoft 365); ' +
    'hoặc kiểm tra tệp bằng lệnh phuluc trên máy tính. Excel 2016 và 2019 mua theo giấy phép số lượng lớn (volume licence) luôn dùng Internet Explorer: cần Excel 2021 trở lên hoặc Microsoft 365.';
  var en =
    'PhuLuc cannot run in this Excel: it opens add-ins in an old browser (Internet Explorer 11 or Edge Legacy). ' +
    'Install the "Microsoft Edge WebView2 Runtime" (free, from Microsoft) and restart Excel; or use Excel on the web (Microsoft 365); ' +
    'or check files with the phuluc command. Volume-licensed Excel 2016 and 2019 always use Internet Explorer: Excel 2021 or later, or Microsoft 365, is needed.';
  var help = 'help.html#trinh-duyet-cu';

  function show() {
    var root = document.getElementById('root') || document.body;
    root.innerHTML = '';
    var box = document.createElement('div');
    box.setAttribute('role', 'alert');
    box.style.cssText = 'font-family:Segoe UI,Arial,sans-serif;font-size:14px;line-height:1.45;padding:16px;color:#242424';
    var p1 = document.createElement('p');
    p1.appendChild(document.createTextNode(vi));
    var p2 = document.createElement('p');
    p2.style.color = '#616161';
    p2.appendChild(document.createTextNode(en));
    var link = document.createElement('a');
    link.href = help;
    link.appendChild(document.createTextNode('Hướng dẫn / Help'));
    box.appendChild(p1);
    box.appendChild(p2);
    box.appendChild(link);
    root.appendChild(box);
  }

  if (document.getElementById('root') || !window.Office) {
    if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', show);
    else show();
    return;
  }
  // The ribbon's function file: each button opens the explanation in a dialog, then completes.
  Office.onReady(function () {
    var names = ['checkSheet', 'recomputeSheet', 'rankSheet'];
    for (var i = 0; i < names.length; i++) {
      Office.actions.associate(names[i], function (event) {
        var url = location.href.replace(/[^/]*$/, '') + help;
        Office.context.ui.displayDialogAsync(url, { height: 40, width: 40 }, function () {
          event.completed();
        });
      });
    }
  });
})();
