/**
 * Free text written by staff: contact outcomes and complaint summaries. Short Chinese phrases
 * of the kind an RM types on a phone after a call.
 */
import type { ComplaintSeverity } from '../domain/enums.js';

export const OUTCOMES = {
  unreached: ['未接通', '无人接听', '客户关机', '客户挂断', '号码忙线，稍后再拨'],
  short: ['客户在忙，约稍后联系', '客户表示暂不需要', '简单问候，客户在开车'],
  intro: ['自我介绍，告知专属客户经理身份', '首次联系，介绍服务内容', '客户知晓新任客户经理'],
  maturity: ['提醒产品即将到期，客户考虑续作', '到期资金已沟通转存方案', '客户到期后计划购买大额存单'],
  new_product: [
    '介绍新发行固收理财，客户有兴趣',
    '推荐养老理财，客户要再考虑',
    '介绍基金定投，客户暂不考虑',
    '推介增额终身寿，客户要求发资料',
  ],
  add_wechat: ['已添加企业微信', '客户同意添加微信'],
  appointment: ['约本周六到网点面谈', '约下周到网点办理业务', '预约上门拜访'],
  message: ['发送产品资讯', '节日问候', '发送到期提醒短信', '推送理财早报'],
  visit: ['网点面谈，完成资产检视', '客户到店，办理续存', '面谈后完成风险测评'],
  event: ['参加财富沙龙', '参加客户答谢会', '参加养老规划讲座'],
} as const;

export const COMPLAINTS: readonly {
  category: string;
  severity: readonly ComplaintSeverity[];
  summaries: readonly string[];
}[] = [
  {
    category: 'service_attitude',
    severity: ['normal'],
    summaries: ['柜员态度冷淡', '大堂经理未及时回应', '客户经理电话推销频繁'],
  },
  { category: 'wait_time', severity: ['normal'], summaries: ['网点排队超过一小时', '预约后仍需长时间等待'] },
  { category: 'fees', severity: ['normal', 'urgent'], summaries: ['年费扣收未提前告知', '跨行转账手续费有异议'] },
  { category: 'product_loss', severity: ['urgent'], summaries: ['基金亏损，认为风险揭示不足', '理财收益低于预期'] },
  { category: 'mis_selling', severity: ['urgent', 'major'], summaries: ['存款被推荐成保险', '认为销售时夸大收益'] },
  { category: 'card_account', severity: ['normal', 'urgent'], summaries: ['银行卡被冻结', '账户限额影响使用'] },
  { category: 'mobile_banking', severity: ['normal'], summaries: ['手机银行登录失败', '转账页面无法打开'] },
  { category: 'fund_safety', severity: ['major'], summaries: ['账户出现不明扣款', '疑似被盗刷'] },
];
export const COMPLAINT_WEIGHTS = [22, 18, 14, 10, 6, 14, 12, 4];
