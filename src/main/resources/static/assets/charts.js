// Charts only enhance: the tables beside them carry the same figures. No inline script on any page (the
// Content-Security-Policy allows scripts of this site only), so the figures come from data attributes or a JSON block.
(function () {
  function draw() {
    if (!window.echarts) { return; }
    var font = '"PingFang SC","Microsoft YaHei","Noto Sans CJK SC",sans-serif';
    // questionnaire results (public portal): one bar chart per question, labels and values in data attributes
    document.querySelectorAll('.chart[data-labels]').forEach(function (el) {
      var labels = el.getAttribute('data-labels').split('\n');
      var values = el.getAttribute('data-values').split(',').map(Number);
      echarts.init(el).setOption({ animation: false, grid: { left: 10, right: 10, top: 10, bottom: 10, containLabel: true },
        xAxis: { type: 'value', minInterval: 1 }, yAxis: { type: 'category', data: labels },
        series: [{ type: 'bar', data: values, itemStyle: { color: '#b71c1c' } }] });
    });
    // supervision: open decisions per stage and open/overdue steps per unit
    var data = document.getElementById('supervision-data');
    if (!data) { return; }
    var figures = JSON.parse(data.textContent);
    var stages = figures.stages || {};
    var units = figures.units || [];
    var s = echarts.init(document.getElementById('chart-stage'));
    s.setOption({ animation: false, textStyle: { fontFamily: font }, tooltip: {}, grid: { left: 20, right: 10, bottom: 10, containLabel: true },
      xAxis: { type: 'category', data: Object.keys(stages), axisLabel: { rotate: 35, interval: 0 } },
      yAxis: { type: 'value', minInterval: 1 },
      series: [{ type: 'bar', name: '办理中的事项', data: Object.values(stages), itemStyle: { color: '#b71c1c' } }] });
    var u = echarts.init(document.getElementById('chart-unit'));
    u.setOption({ animation: false, textStyle: { fontFamily: font }, tooltip: { trigger: 'axis' }, legend: {}, grid: { left: 20, right: 10, bottom: 10, containLabel: true },
      xAxis: { type: 'category', data: units.map(function (r) { return r.unitName; }), axisLabel: { interval: 0, rotate: 20 } },
      yAxis: { type: 'value', minInterval: 1 },
      series: [{ type: 'bar', name: '待办环节', data: units.map(function (r) { return r.openSteps; }), itemStyle: { color: '#5f6b7a' } },
               { type: 'bar', name: '逾期', data: units.map(function (r) { return r.overdue; }), itemStyle: { color: '#b71c1c' } }] });
    window.addEventListener('resize', function () { s.resize(); u.resize(); });
  }
  if (document.readyState === 'loading') { document.addEventListener('DOMContentLoaded', draw); } else { draw(); }
})();
