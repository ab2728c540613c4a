/*
 * Lines the synthetic calls are written from, so the sandbox needs no data files at run time.
 *
 * - Caller requests are utterance templates of presidio-research (github.com/microsoft/presidio-research,
 *   commit 7622dec, templates.txt; MIT licence: "Copyright (c) Microsoft Corporation"), trimmed to
 *   those whose placeholders the world fills.
 * - Agent and small-talk turns are from the Action-Based Conversations Dataset
 *   (github.com/asappresearch/abcd, commit 6b8700c; MIT licence: "Copyright (c) 2021 ASAPP Research"),
 *   with its customers' names and numbers left out.
 */

export const cardTemplates = [
  "My credit card {{credit_card_number}} has been lost, Can I request you to block it.",
  "Need to change billing date of my card {{credit_card_number}}",
  "Need to see last 10 transaction of card {{credit_card_number}}",
  "I want to cancel my card {{credit_card_number}} because I lost it",
  "My card {{credit_card_number}} is expiring this month. Please let me know process to it's extend validity.",
  "Can I withdraw cash using my card {{credit_card_number}} at aTM center ?",
];

export const contactTemplates = [
  "I have done an online order but didn't get any message on my registered {{phone_number}}. Could you please look into it ?",
  "I would like to stop receiving messages to {{phone_number}}",
  "How do I change my address to {{address}} for post mail?",
  "Hello I moved, please update my new address is {{address}}",
  "May I request to have the statement sent to {{address}}?",
  "Are there any charges applied for money transfer from {{iban}} to other bank accounts",
];

export const emailTemplates = ["Please send my portfolio to this email {{email}}"];

export const plainRequests = [
  "just wanted to check on the status of a refund",
  "Hi! I need to return an item, can you help me with that?",
  "I've got a promo code and I want to know when they expire.",
  "I got the wrong size.",
];

export const agentOpeners = ["good afternoon, how can I help you?", "Hi! How can I help you?"];
export const agentVerifications = ["sure, may I have your name please?", "sure, would you give me your full name or account ID"];
export const agentCardReadBacks = ["thanks, just to confirm that is {{credit_card_number}}", "let me read that back {{credit_card_number}} is that right?"];
export const agentClosers = ["a pleasure to help you", "have a nice day", "It is currently in progress", "one moment please"];
export const customerClosers = ["great thanks for your help", "Perfect. Thanks", "That's it. Take care."];
