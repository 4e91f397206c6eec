<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>Channel</name>
    <message>
        <source>Phone</source>
        <translation>电话</translation>
    </message>
    <message>
        <source>SMS</source>
        <translation>短信</translation>
    </message>
    <message>
        <source>WeChat group</source>
        <translation>微信群</translation>
    </message>
    <message>
        <source>Radio</source>
        <translation>对讲机</translation>
    </message>
    <message>
        <source>Emergency broadcast</source>
        <translation>应急广播</translation>
    </message>
</context>
<context>
    <name>Hazard</name>
    <message>
        <source>Flood and drought</source>
        <translation>防汛抗旱</translation>
    </message>
    <message>
        <source>Forest fire</source>
        <translation>森林防火</translation>
    </message>
    <message>
        <source>Petitions</source>
        <translation>信访受理</translation>
    </message>
    <message>
        <source>Geological hazard</source>
        <translation>地质灾害</translation>
    </message>
    <message>
        <source>Snow, ice and cold</source>
        <translation>低温雨雪冰冻</translation>
    </message>
    <message>
        <source>Earthquake</source>
        <translation>地震</translation>
    </message>
    <message>
        <source>Public health emergency</source>
        <translation>突发公共卫生事件</translation>
    </message>
    <message>
        <source>Work safety</source>
        <translation>安全生产</translation>
    </message>
    <message>
        <source>Road traffic</source>
        <translation>道路交通</translation>
    </message>
    <message>
        <source>Hazardous chemicals</source>
        <translation>危险化学品</translation>
    </message>
    <message>
        <source>Other</source>
        <translation>其他</translation>
    </message>
</context>
<context>
    <name>Lane</name>
    <message>
        <source>District (city)</source>
        <translation>区(市)</translation>
    </message>
    <message>
        <source>Town</source>
        <translation>镇</translation>
    </message>
    <message>
        <source>Village (community)</source>
        <translation>村(社区)</translation>
    </message>
    <message>
        <source>Grid</source>
        <translation>网格</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>Plans</source>
        <translation>预案</translation>
    </message>
    <message>
        <source>Drills</source>
        <translation>演练</translation>
    </message>
    <message>
        <source>Roster</source>
        <translation>人员</translation>
    </message>
    <message>
        <source>Reports</source>
        <translation>报告</translation>
    </message>
    <message>
        <source>Contingency Console</source>
        <translation>应急预案演练控制台</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>文件(&amp;F)</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>视图(&amp;V)</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>帮助(&amp;H)</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>语言 Language</translation>
    </message>
    <message>
        <source>Open plan file…</source>
        <translation>打开预案文件…</translation>
    </message>
    <message>
        <source>Reload plans</source>
        <translation>重新加载预案</translation>
    </message>
    <message>
        <source>Quit</source>
        <translation>退出</translation>
    </message>
    <message>
        <source>About Contingency Console</source>
        <translation>关于应急预案演练控制台</translation>
    </message>
    <message>
        <source>About Qt</source>
        <translation>关于 Qt</translation>
    </message>
    <message>
        <source>Available in a later version</source>
        <translation>在后续版本中提供</translation>
    </message>
    <message>
        <source>Opening %1…</source>
        <translation>正在打开 %1…</translation>
    </message>
    <message>
        <source>Plan has errors</source>
        <translation>预案有错误</translation>
    </message>
    <message>
        <source>%1 cannot be shown until its errors are fixed:

%2</source>
        <translation>%1 有错误，修正后才能显示：

%2</translation>
    </message>
    <message>
        <source>Something went wrong:
%1</source>
        <translation>出现错误：
%1</translation>
    </message>
    <message>
        <source>Open plan file</source>
        <translation>打开预案文件</translation>
    </message>
    <message>
        <source>Plans (*.yaml *.yml)</source>
        <translation>预案文件 (*.yaml *.yml)</translation>
    </message>
    <message>
        <source>Loading plans…</source>
        <translation>正在加载预案…</translation>
    </message>
    <message>
        <source>Plans: %1 · with errors: %2 · with warnings: %3</source>
        <translation>预案 %1 个 · 有错误 %2 个 · 有警告 %3 个</translation>
    </message>
    <message>
        <source>Contingency Console %1

Digital contingency plans, drills and one-click mobilisation for the Heixi town governance command centre.</source>
        <translation>应急预案演练控制台 %1

为黑溪镇基层治理指挥中心提供数字预案、应急演练和一键调度。</translation>
    </message>
</context>
<context>
    <name>PlanEditor</name>
    <message>
        <source>The plan could not be checked:
%1</source>
        <translation>无法检查预案：
%1</translation>
    </message>
    <message>
        <source>The graph is shown once the plan has no errors.</source>
        <translation>预案没有错误后才显示流程图。</translation>
    </message>
    <message>
        <source>The plan has errors: the graph shows the last version without errors.</source>
        <translation>预案有错误：流程图显示的是最近一个没有错误的版本。</translation>
    </message>
    <message>
        <source>error</source>
        <translation>错误</translation>
    </message>
    <message>
        <source>warning</source>
        <translation>警告</translation>
    </message>
    <message>
        <source>Problems: %1 errors, %2 warnings</source>
        <translation>问题：%1 个错误，%2 个警告</translation>
    </message>
    <message>
        <source>No problems found.</source>
        <translation>未发现问题。</translation>
    </message>
    <message>
        <source>Changes to %1</source>
        <translation>%1 的改动</translation>
    </message>
    <message>
        <source>No changes since the previous version.</source>
        <translation>与上一版本相比没有改动。</translation>
    </message>
    <message>
        <source>File changed on disk</source>
        <translation>文件已在磁盘上被修改</translation>
    </message>
    <message>
        <source>%1 was changed by another program since you opened it.</source>
        <translation>自您打开 %1 以来，它已被其他程序修改。</translation>
    </message>
    <message>
        <source>Reload from disk</source>
        <translation>从磁盘重新载入</translation>
    </message>
    <message>
        <source>Overwrite</source>
        <translation>覆盖</translation>
    </message>
    <message>
        <source>Plan editor</source>
        <translation>预案编辑器</translation>
    </message>
    <message>
        <source>The plan could not be saved:
%1</source>
        <translation>无法保存预案：
%1</translation>
    </message>
    <message>
        <source>Unsaved changes</source>
        <translation>未保存的修改</translation>
    </message>
    <message>
        <source>Save the changes to %1?</source>
        <translation>是否保存对 %1 的修改？</translation>
    </message>
    <message>
        <source>Plan library</source>
        <translation>预案库</translation>
    </message>
    <message>
        <source>Leave the editor</source>
        <translation>离开编辑器</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>保存</translation>
    </message>
    <message>
        <source>Save the plan (the previous version is kept)</source>
        <translation>保存预案（保留上一版本）</translation>
    </message>
    <message>
        <source>Undo</source>
        <translation>撤销</translation>
    </message>
    <message>
        <source>Redo</source>
        <translation>重做</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Mark the plan draft, reviewed or approved (approving records who and when)</source>
        <translation>将预案标记为草稿、已审核或已批准（批准时记录批准人和日期）</translation>
    </message>
    <message>
        <source>Changes</source>
        <translation>改动</translation>
    </message>
    <message>
        <source>Compare the text with the previous saved version (file~)</source>
        <translation>将文本与上一个保存的版本（文件~）比较</translation>
    </message>
    <message>
        <source>Severity</source>
        <translation>级别</translation>
    </message>
    <message>
        <source>Line:column</source>
        <translation>行:列</translation>
    </message>
    <message>
        <source>Code</source>
        <translation>代码</translation>
    </message>
    <message>
        <source>Message</source>
        <translation>说明</translation>
    </message>
</context>
<context>
    <name>PlanLibrary</name>
    <message>
        <source>Plan library</source>
        <translation>预案库</translation>
    </message>
    <message>
        <source>The plans could not be listed:
%1</source>
        <translation>无法列出预案：
%1</translation>
    </message>
    <message>
        <source>The plan could not be written:
%1</source>
        <translation>无法写入预案：
%1</translation>
    </message>
    <message>
        <source>Add a plan folder</source>
        <translation>添加预案文件夹</translation>
    </message>
    <message>
        <source>Select a plan to see its problems.</source>
        <translation>选择一个预案，在此查看其问题。</translation>
    </message>
    <message>
        <source>Problems in %1</source>
        <translation>%1 中的问题</translation>
    </message>
    <message>
        <source>No problems found.</source>
        <translation>未发现问题。</translation>
    </message>
    <message>
        <source>line %1, column %2</source>
        <translation>第 %1 行，第 %2 列</translation>
    </message>
    <message>
        <source>Open</source>
        <translation>打开</translation>
    </message>
    <message>
        <source>Show the selected plan&apos;s graph</source>
        <translation>显示所选预案的流程图</translation>
    </message>
    <message>
        <source>Edit</source>
        <translation>编辑</translation>
    </message>
    <message>
        <source>Edit the selected plan&apos;s text</source>
        <translation>编辑所选预案的文本</translation>
    </message>
    <message>
        <source>New from template</source>
        <translation>从模板新建</translation>
    </message>
    <message>
        <source>Start a new plan in your plans folder</source>
        <translation>在您的预案文件夹中新建预案</translation>
    </message>
    <message>
        <source>Duplicate</source>
        <translation>复制</translation>
    </message>
    <message>
        <source>Copy the selected plan into your plans folder under a new id</source>
        <translation>将所选预案以新编号复制到您的预案文件夹</translation>
    </message>
    <message>
        <source>Show in folder</source>
        <translation>打开所在文件夹</translation>
    </message>
    <message>
        <source>Open the folder that holds the selected plan</source>
        <translation>打开所选预案所在的文件夹</translation>
    </message>
    <message>
        <source>Add folder…</source>
        <translation>添加文件夹…</translation>
    </message>
    <message>
        <source>List the plans of another folder too</source>
        <translation>同时列出其他文件夹中的预案</translation>
    </message>
</context>
<context>
    <name>PlanLibraryModel</name>
    <message>
        <source>Hazard</source>
        <translation>类别</translation>
    </message>
    <message>
        <source>Title</source>
        <translation>预案名称</translation>
    </message>
    <message>
        <source>Id</source>
        <translation>编号</translation>
    </message>
    <message>
        <source>Version</source>
        <translation>版本</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Steps</source>
        <translation>步骤数</translation>
    </message>
    <message>
        <source>Problems</source>
        <translation>问题</translation>
    </message>
    <message>
        <source>errors: %1</source>
        <translation>错误 %1 个</translation>
    </message>
    <message>
        <source>warnings: %1</source>
        <translation>警告 %1 个</translation>
    </message>
    <message>
        <source>none</source>
        <translation>无</translation>
    </message>
</context>
<context>
    <name>PlanView</name>
    <message>
        <source>Plan library</source>
        <translation>预案库</translation>
    </message>
    <message>
        <source>Back to the plan library</source>
        <translation>返回预案库</translation>
    </message>
    <message>
        <source>Edit</source>
        <translation>编辑</translation>
    </message>
    <message>
        <source>Edit this plan&apos;s text</source>
        <translation>编辑本预案的文本</translation>
    </message>
    <message>
        <source>Response level:</source>
        <translation>响应级别：</translation>
    </message>
    <message>
        <source>Colour by:</source>
        <translation>着色：</translation>
    </message>
    <message>
        <source>Lifecycle stage</source>
        <translation>处置环节</translation>
    </message>
    <message>
        <source>Board</source>
        <translation>板块</translation>
    </message>
    <message>
        <source>Roles</source>
        <translation>岗位与人员</translation>
    </message>
    <message>
        <source>Targets</source>
        <translation>时间目标</translation>
    </message>
    <message>
        <source>Show other levels&apos; steps</source>
        <translation>显示其他级别的步骤</translation>
    </message>
    <message>
        <source>Draw the steps of every level, greyed where they do not apply</source>
        <translation>显示所有级别的步骤，本级不适用的以灰色显示</translation>
    </message>
    <message>
        <source>No stage</source>
        <translation>未标环节</translation>
    </message>
    <message>
        <source>Outside bodies</source>
        <translation>外部力量</translation>
    </message>
    <message>
        <source>Board the people come from</source>
        <translation>人员所属板块</translation>
    </message>
    <message>
        <source>after all of</source>
        <translation>全部完成后</translation>
    </message>
    <message>
        <source>after any of</source>
        <translation>任一完成后</translation>
    </message>
    <message>
        <source>decision outcome</source>
        <translation>研判分支</translation>
    </message>
    <message>
        <source>critical path</source>
        <translation>关键路径</translation>
    </message>
    <message>
        <source>Expected critical path: %1</source>
        <translation>预期关键路径：%1</translation>
    </message>
    <message>
        <source>not at this level</source>
        <translation>本级不适用</translation>
    </message>
    <message>
        <source>outside body</source>
        <translation>外部力量</translation>
    </message>
</context>
<context>
    <name>RolesModel</name>
    <message>
        <source>Role</source>
        <translation>岗位</translation>
    </message>
    <message>
        <source>Comes from</source>
        <translation>人员来源</translation>
    </message>
    <message>
        <source>Backups</source>
        <translation>备岗</translation>
    </message>
    <message>
        <source>Acknowledge within</source>
        <translation>确认时限</translation>
    </message>
    <message>
        <source>Contacted by</source>
        <translation>通知方式</translation>
    </message>
    <message>
        <source> or </source>
        <translation> 或 </translation>
    </message>
    <message>
        <source>the incident&apos;s village</source>
        <translation>事发村(社区)</translation>
    </message>
    <message>
        <source>any village</source>
        <translation>任一村(社区)</translation>
    </message>
    <message>
        <source>village %1</source>
        <translation>村(社区)：%1</translation>
    </message>
    <message>
        <source>the incident&apos;s grid</source>
        <translation>事发网格</translation>
    </message>
    <message>
        <source>any grid</source>
        <translation>任一网格</translation>
    </message>
    <message>
        <source>grid %1</source>
        <translation>网格：%1</translation>
    </message>
    <message>
        <source>tagged %1</source>
        <translation>标签：%1</translation>
    </message>
    <message>
        <source>post %1</source>
        <translation>职务：%1</translation>
    </message>
</context>
<context>
    <name>RosterImportDialog</name>
    <message>
        <source>Import roster: %1</source>
        <translation>导入花名册：%1</translation>
    </message>
    <message>
        <source>Apply</source>
        <translation>应用</translation>
    </message>
    <message>
        <source>%1 cannot be imported: %2 problem(s). Fix them in the file and import it again; nothing was changed.</source>
        <translation>%1 不能导入：%2 个问题。请在文件中改正后重新导入；未作任何更改。</translation>
    </message>
    <message>
        <source>Problems (%1)</source>
        <translation>问题（%1）</translation>
    </message>
    <message>
        <source>the demo roster</source>
        <translation>演示花名册</translation>
    </message>
    <message>
        <source>the roster in use</source>
        <translation>当前花名册</translation>
    </message>
    <message>
        <source>%1: %2 people, all rows valid. Compared with %3: added %4 · changed %5 · removed %6 · unchanged %7. Apply replaces the roster in use.</source>
        <translation>%1：%2 人，检查通过。与%3对比：新增 %4 · 变更 %5 · 删除 %6 · 未变 %7。点击“应用”将替换当前花名册。</translation>
    </message>
    <message>
        <source>Added (%1)</source>
        <translation>新增（%1）</translation>
    </message>
    <message>
        <source>Changed (%1)</source>
        <translation>变更（%1）</translation>
    </message>
    <message>
        <source>Removed (%1)</source>
        <translation>删除（%1）</translation>
    </message>
    <message>
        <source>Warnings (%1)</source>
        <translation>提示（%1）</translation>
    </message>
</context>
<context>
    <name>RosterTableModel</name>
    <message>
        <source>Id</source>
        <extracomment>Column keys and their (untranslated) headers.</extracomment>
        <translation>编号</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <source>Mobile</source>
        <translation>手机</translation>
    </message>
    <message>
        <source>Unit</source>
        <translation>单位</translation>
    </message>
    <message>
        <source>Post</source>
        <translation>职务</translation>
    </message>
    <message>
        <source>Skills</source>
        <translation>技能</translation>
    </message>
    <message>
        <source>Village/community</source>
        <translation>所在村/社区</translation>
    </message>
    <message>
        <source>Grid</source>
        <translation>网格</translation>
    </message>
    <message>
        <source>Availability</source>
        <translation>当前可用性</translation>
    </message>
    <message>
        <source>On duty</source>
        <translation>在岗</translation>
    </message>
    <message>
        <source>Off duty (can be recalled)</source>
        <translation>不在岗(可召回)</translation>
    </message>
    <message>
        <source>On leave / away</source>
        <translation>请假/外出</translation>
    </message>
</context>
<context>
    <name>RosterView</name>
    <message>
        <source>Something went wrong: %1</source>
        <translation>出现问题：%1</translation>
    </message>
    <message>
        <source>All</source>
        <translation>全部</translation>
    </message>
    <message>
        <source>Loading the roster…</source>
        <translation>正在加载花名册…</translation>
    </message>
    <message>
        <source>Showing %1 of %2 people</source>
        <translation>显示 %1 人，共 %2 人</translation>
    </message>
    <message>
        <source>Import roster</source>
        <translation>导入花名册</translation>
    </message>
    <message>
        <source>Rosters (*.xlsx *.csv)</source>
        <translation>花名册 (*.xlsx *.csv)</translation>
    </message>
    <message>
        <source>Export roster</source>
        <translation>导出花名册</translation>
    </message>
    <message>
        <source>Excel workbook (*.xlsx)</source>
        <translation>Excel 工作簿 (*.xlsx)</translation>
    </message>
    <message>
        <source>CSV, UTF-8 (*.csv)</source>
        <translation>CSV 文件，UTF-8 (*.csv)</translation>
    </message>
    <message>
        <source>Reload</source>
        <translation>重新加载</translation>
    </message>
    <message>
        <source>Import…</source>
        <translation>导入…</translation>
    </message>
    <message>
        <source>Import a roster from Excel (.xlsx) or CSV</source>
        <translation>从 Excel (.xlsx) 或 CSV 导入花名册</translation>
    </message>
    <message>
        <source>Export…</source>
        <translation>导出…</translation>
    </message>
    <message>
        <source>Export the roster as Excel (.xlsx) or CSV</source>
        <translation>将花名册导出为 Excel (.xlsx) 或 CSV</translation>
    </message>
    <message>
        <source>%1 — synthetic names, masked phone numbers. Import the township&apos;s roster with Import…</source>
        <translation>%1 —— 姓名为虚构，手机号已脱敏。请用“导入…”导入本镇花名册</translation>
    </message>
    <message>
        <source>&amp;Unit:</source>
        <translation>单位(&amp;U)：</translation>
    </message>
    <message>
        <source>&amp;Village:</source>
        <translation>村/社区(&amp;V)：</translation>
    </message>
    <message>
        <source>&amp;Skill:</source>
        <translation>技能(&amp;S)：</translation>
    </message>
    <message>
        <source>&amp;Availability:</source>
        <translation>可用性(&amp;A)：</translation>
    </message>
    <message>
        <source>a&amp;t:</source>
        <translation>时间(&amp;T)：</translation>
    </message>
    <message>
        <source>Clear filters</source>
        <translation>清除筛选</translation>
    </message>
</context>
<context>
    <name>Stage</name>
    <message>
        <source>Report</source>
        <translation>上报</translation>
    </message>
    <message>
        <source>Accept</source>
        <translation>受理</translation>
    </message>
    <message>
        <source>Assign</source>
        <translation>转办</translation>
    </message>
    <message>
        <source>Handle</source>
        <translation>处置</translation>
    </message>
    <message>
        <source>Feedback</source>
        <translation>反馈</translation>
    </message>
</context>
<context>
    <name>Status</name>
    <message>
        <source>Draft</source>
        <translation>草稿</translation>
    </message>
    <message>
        <source>Reviewed</source>
        <translation>已审核</translation>
    </message>
    <message>
        <source>Approved</source>
        <translation>已批准</translation>
    </message>
    <message>
        <source>Retired</source>
        <translation>已废止</translation>
    </message>
</context>
<context>
    <name>StepPanel</name>
    <message>
        <source>Id</source>
        <extracomment>The panel&apos;s fields, top to bottom; each value label is named ``step-&lt;field&gt;``.</extracomment>
        <translation>编号</translation>
    </message>
    <message>
        <source>Stage</source>
        <translation>环节</translation>
    </message>
    <message>
        <source>Lane</source>
        <translation>层级</translation>
    </message>
    <message>
        <source>Role</source>
        <translation>岗位</translation>
    </message>
    <message>
        <source>People</source>
        <translation>人数</translation>
    </message>
    <message>
        <source>Duration</source>
        <translation>用时</translation>
    </message>
    <message>
        <source>After</source>
        <translation>前序步骤</translation>
    </message>
    <message>
        <source>Outcomes</source>
        <translation>研判分支</translation>
    </message>
    <message>
        <source>Targets</source>
        <translation>时间目标</translation>
    </message>
    <message>
        <source>Levels</source>
        <translation>适用级别</translation>
    </message>
    <message>
        <source>Where</source>
        <translation>地点</translation>
    </message>
    <message>
        <source>Description</source>
        <translation>说明</translation>
    </message>
    <message>
        <source>Written at</source>
        <translation>源文件位置</translation>
    </message>
    <message>
        <source>Click a step in the graph to see its details here.</source>
        <translation>在流程图中点击一个步骤，在此查看详情。</translation>
    </message>
    <message>
        <source>any of: %1</source>
        <translation>任一：%1</translation>
    </message>
    <message>
        <source>not reached at this level</source>
        <translation>本级不经过</translation>
    </message>
    <message>
        <source>earliest %1, can be met</source>
        <translation>最早 %1，可达成</translation>
    </message>
    <message>
        <source>earliest %1, cannot be met</source>
        <translation>最早 %1，无法达成</translation>
    </message>
    <message>
        <source>all levels</source>
        <translation>所有级别</translation>
    </message>
    <message>
        <source>not at level %1</source>
        <translation>%1级不适用</translation>
    </message>
    <message>
        <source>an outside body</source>
        <translation>外部力量</translation>
    </message>
    <message>
        <source>%1 at level %2</source>
        <translation>%2级 %1 人</translation>
    </message>
    <message>
        <source>shortest %1, likeliest %2, longest %3</source>
        <translation>最短 %1，最可能 %2，最长 %3</translation>
    </message>
    <message>
        <source>the alert</source>
        <translation>预警发出后即开始</translation>
    </message>
    <message>
        <source>the incident site</source>
        <translation>事发地</translation>
    </message>
    <message>
        <source>the village committee</source>
        <translation>村委会</translation>
    </message>
    <message>
        <source>the command centre</source>
        <translation>指挥中心</translation>
    </message>
</context>
<context>
    <name>TargetsModel</name>
    <message>
        <source>Target</source>
        <translation>目标</translation>
    </message>
    <message>
        <source>Limit</source>
        <translation>时限</translation>
    </message>
    <message>
        <source>Measured</source>
        <translation>计时方式</translation>
    </message>
    <message>
        <source>Step</source>
        <translation>步骤</translation>
    </message>
    <message>
        <source>Earliest</source>
        <translation>最早可达</translation>
    </message>
    <message>
        <source>Verdict</source>
        <translation>结论</translation>
    </message>
    <message>
        <source>the alert</source>
        <translation>预警发出</translation>
    </message>
    <message>
        <source>from %1 to the step&apos;s start</source>
        <translation>自%1起至该步骤开始</translation>
    </message>
    <message>
        <source>from %1 to the step&apos;s finish</source>
        <translation>自%1起至该步骤完成</translation>
    </message>
    <message>
        <source>no step at this level</source>
        <translation>本级无对应步骤</translation>
    </message>
    <message>
        <source>not reached at this level</source>
        <translation>本级不经过</translation>
    </message>
    <message>
        <source>can be met</source>
        <translation>可达成</translation>
    </message>
    <message>
        <source>cannot be met</source>
        <translation>无法达成</translation>
    </message>
</context>
<context>
    <name>Unit</name>
    <message>
        <source>Town leadership</source>
        <translation>镇领导班子</translation>
    </message>
    <message>
        <source>Command centre</source>
        <translation>基层治理指挥中心</translation>
    </message>
    <message>
        <source>Party building</source>
        <translation>党的建设</translation>
    </message>
    <message>
        <source>Economic development</source>
        <translation>经济发展</translation>
    </message>
    <message>
        <source>Livelihood services</source>
        <translation>民生服务</translation>
    </message>
    <message>
        <source>Safety and rule of law</source>
        <translation>平安法治</translation>
    </message>
    <message>
        <source>Village (community)</source>
        <translation>村(社区)</translation>
    </message>
    <message>
        <source>District departments</source>
        <translation>区级部门</translation>
    </message>
</context>
</TS>
