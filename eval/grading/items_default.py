"""Hand-written student answers for questions from the default corpus (corpus/*.txt).

Each entry: (source file, how to find the question, [(style, label, answer), ...]).
Labels were chosen by reading the reference only (or, for bare questions, from general ML
knowledge); the grader's code was never looked at.
"""

C000 = "corpus/000_6a62d58d185d3d5f.txt"
C001 = "corpus/001_ea657986fefbe7e3.txt"
C002 = "corpus/002_085d251e6dd4612d.txt"
C003 = "corpus/003_467876f4c617d2b9.txt"
C004 = "corpus/004_e798c33d2f40d3d3.txt"

ITEMS = [
    # ------------------------------------------------------------------ 000: Qn blocks
    (
        C000,
        ("qn", 2),
        [
            (
                "terse",
                "correct",
                "Every token attends directly to every other token in one step (query-key scores, weighted sum), so there is no sequential chain: no vanishing gradient over distance and it parallelizes, unlike an RNN.",
            ),
            (
                "paraphrased",
                "correct",
                "In an RNN, information from word 1 has to be handed through every hidden state before it reaches word 50, and the signal fades on the way. Attention lets word 50 look straight back at word 1 by scoring how well their query and key match and mixing in that word's value, so the path length is one no matter how far apart they are. And because no position waits for the previous timestep, the whole sequence can be processed at once on a GPU.",
            ),
            (
                "partial",
                "partial",
                "Attention lets each token look at all the other tokens, so it can relate words that are far apart.",
            ),
            (
                "negated",
                "incorrect",
                "Self-attention still reads the tokens one after another like an RNN does; the difference is that it keeps a bigger memory cell so gradients vanish more slowly. It is not really parallel, it is just a better recurrent unit.",
            ),
            (
                "extra-wrong",
                "incorrect",
                "Each token computes query-key similarities with all other tokens and takes a weighted sum of their values, so distant words are one step apart and training parallelizes across positions instead of going step by step. Because of this, the cost of attention grows only linearly with sequence length, which is why it is cheaper than an RNN on long inputs.",
            ),
        ],
    ),
    (
        C000,
        ("qn", 3),
        [
            (
                "verbose",
                "correct",
                "Two separate reasons. First, a Transformer is trained with a fixed maximum number of positions: attention compares every token with every other token, so memory and compute grow quadratically with the length, and the positional encodings are only trained up to some length, so you pick a window such as 2k or 4k tokens and train with it. Second, the window covers prompt plus answer because generation is autoregressive: each token the model writes is appended to the sequence and has to be attended over when producing the next token. The output literally becomes part of the input, so both draw on the same budget.",
            ),
            (
                "hedged",
                "correct",
                "I think it's because... not 100% sure, but attention is quadratic in the number of tokens, so training fixes a maximum window. And since the model is autoregressive, every token it generates gets appended to the context and is read again for the next step, so the prompt and the output share the same limit.",
            ),
            (
                "partial",
                "partial",
                "Attention cost grows quadratically with the sequence length, so models are trained with a fixed maximum length like 4096 tokens.",
            ),
            (
                "keywords-wrong",
                "incorrect",
                "Because attention is O(n^2) there is a maximum length, but it only applies to the prompt. Generated tokens come out of the final hidden state and are not fed back through attention, so they don't count against the context window; positional encodings are only applied to the input.",
            ),
            ("idk", "incorrect", "No idea, sorry."),
        ],
    ),
    (
        C000,
        ("qn", 5),
        [
            (
                "terse",
                "correct",
                "Special role tokens from the chat template, e.g. <|im_start|>user and <|im_start|>assistant; the model has just learned what kind of text follows each marker.",
            ),
            (
                "paraphrased",
                "correct",
                "The conversation is serialized with special delimiter tokens that tag who is speaking in each turn. During fine-tuning the model picks up the statistical habit of producing assistant-style text after the assistant tag; there is no deeper notion of 'me' versus 'you' behind it.",
            ),
            (
                "negated",
                "incorrect",
                "There are no special markers; the model works out who is speaking purely from the content and the writing style of each message.",
            ),
            (
                "offtopic",
                "incorrect",
                "The chat history is stored in a database such as Redis so it can be reloaded between sessions, and old turns are truncated when it gets too long.",
            ),
        ],
    ),
    (
        C000,
        ("qn", 8),
        [
            (
                "terse",
                "correct",
                "Scores are query-key dot products, softmax turns them into weights, output is the weighted sum of values. No, a head spreads attention over the whole sequence and different heads learn different patterns, which are then concatenated.",
            ),
            (
                "partial",
                "partial",
                "It takes the dot product of the query and the key and then applies a softmax.",
            ),
            (
                "negated",
                "incorrect",
                "You take Q times K, softmax it, and use the weights to sum the V vectors. And yes, each head locks onto exactly one token; that is why we need many heads, one per token we care about.",
            ),
            (
                "extra-correct",
                "correct",
                "Three steps: dot product of each query with every key (scaled by 1/sqrt(d_k) so the softmax doesn't saturate), softmax over the keys to get weights that sum to one, then a weighted sum of the value vectors. A head does not attend to a single token: its weights cover the whole sequence, and different heads specialise, e.g. previous-token heads, syntactic heads, coreference or keyword-matching heads. The heads' outputs are concatenated and mixed by the output projection W_O.",
            ),
            (
                "starts-with-skip",
                "correct",
                "Pass on the exact formula, but the idea is: each query is dotted with every key to get similarity scores, those are softmaxed into weights, and the output is the weighted average of the value vectors. A head doesn't focus on just one token, it looks over the whole sequence, and different heads pick up different patterns such as syntax or keyword matching, which multi-head attention concatenates.",
            ),
        ],
    ),
    (
        C000,
        ("qn", 10),
        [
            (
                "verbose",
                "correct",
                "Standard attention is memory-bound, not compute-bound: it writes the full n-by-n score matrix to GPU high-bandwidth memory, reads it back for the softmax, writes it again and reads it once more to multiply by V. FlashAttention splits Q, K and V into tiles that fit in on-chip SRAM, computes the scores for a tile, and keeps a running max and running sum so the softmax can be updated incrementally as new tiles arrive. The big matrix is never materialised in slow memory. The number of multiply-adds is the same, but far fewer bytes move between HBM and the compute units, so the kernel runs faster and the GPU is better utilised.",
            ),
            (
                "terse",
                "correct",
                "It's IO-aware: tiles Q/K/V into SRAM blocks and uses an online softmax, so the n x n matrix never goes to HBM. Fewer memory reads and writes, not fewer FLOPs.",
            ),
            (
                "partial",
                "partial",
                "It's faster because it's a more optimized GPU kernel that uses the hardware better.",
            ),
            (
                "keywords-wrong",
                "incorrect",
                "FlashAttention processes attention in blocks with a streaming softmax, and within each block it approximates the attention matrix with a low-rank kernel, so it skips most of the multiplications. That approximation is where the speed-up comes from.",
            ),
            ("idk", "incorrect", "pass"),
        ],
    ),
    (
        C000,
        ("qn", 11),
        [
            (
                "paraphrased",
                "correct",
                "Rotating the query and key by an angle that depends on their position makes their dot product depend only on how far apart the two tokens are, so the model works with offsets instead of absolute slots. You can compute the rotation for position 10,000 even if training stopped at 2,048, but at those unseen positions the angles are out of distribution and long-distance attention gets unreliable.",
            ),
            (
                "partial",
                "partial",
                "RoPE encodes relative position by rotating the query and key vectors.",
            ),
            (
                "negated",
                "incorrect",
                "RoPE is a learned absolute position embedding added to the token embeddings. Its advantage is that it is trained, and the problem is that it cannot be computed at all for positions beyond the training length.",
            ),
            (
                "extra-correct",
                "correct",
                "RoPE multiplies pairs of query/key dimensions by rotation matrices whose angle grows with position, so q_m . k_n depends only on m - n: relative position for free, no extra parameters, and it works with any length because the angle formula just keeps going. The catch is extrapolation: at positions far past the training length the rotation angles (especially in the low-frequency dimensions) take values the model never saw and long-range attention breaks down. That is why people use position interpolation, NTK-aware scaling or YaRN to stretch the context.",
            ),
            (
                "hedged",
                "correct",
                "Not sure I remember this exactly, but I believe RoPE's advantage is that it captures relative distance between tokens rather than absolute positions, and in principle it extends to longer sequences since the rotation can be computed for any position. The problem is that for very large positions the angles behave in ways not seen in training, so the model loses accuracy on long-range information.",
            ),
        ],
    ),
    (
        C000,
        ("qn", 13),
        [
            (
                "terse",
                "correct",
                "BERT predicts masked tokens from both left and right context (bidirectional), GPT only sees the left context; the bidirectional representation of the whole sentence transfers better to classification.",
            ),
            (
                "negated",
                "incorrect",
                "GPT is the bidirectional one: when predicting the next token it sees the whole sentence, while BERT reads left to right. That is why GPT embeddings are better for classification.",
            ),
            (
                "partial",
                "partial",
                "BERT replaces some tokens with [MASK] and predicts them, while GPT predicts the next word.",
            ),
            (
                "offtopic",
                "incorrect",
                "GPT-4 is much bigger than BERT, it has hundreds of billions of parameters and was trained with RLHF, while BERT-base only has 110M parameters.",
            ),
        ],
    ),
    (
        C000,
        ("qn", 17),
        [
            (
                "paraphrased",
                "correct",
                "Instead of scoring words per individual document, you merge all documents of a cluster into one big document and compute the weighting over those merged cluster documents. A word that is frequent in one cluster but rare across the others gets a high score, while words that show up everywhere get pushed down, so the keywords that describe each topic are more distinctive.",
            ),
            (
                "terse",
                "correct",
                "TF-IDF computed per class/topic (the topic's documents concatenated): words distinctive for that topic get high weight, words common to all topics get down-weighted.",
            ),
            (
                "keywords-wrong",
                "incorrect",
                "c-TF-IDF computes term frequency per topic, but then boosts the words that are common across all topics, so each topic's keywords represent the shared vocabulary of the corpus and topics become easier to compare.",
            ),
            ("idk", "incorrect", "I haven't used BERTopic, no idea."),
            (
                "partial",
                "partial",
                "c-TF-IDF treats all the documents of one cluster as a single document.",
            ),
        ],
    ),
    (
        C000,
        ("qn", 18),
        [
            (
                "verbose",
                "correct",
                "K-means assigns each point to its nearest centroid. It is simple, fast and scales to large datasets, but you have to decide the number of clusters in advance, every point is forced into some cluster, and because it is distance-to-centre based it only finds roughly convex, blob-like clusters. DBSCAN grows clusters from dense regions, so it can find clusters of arbitrary shape, it doesn't need k, and points in sparse regions are labelled as noise. On the other hand it is sensitive to eps and min_samples, struggles when clusters have different densities, and is slower on large or high-dimensional data.",
            ),
            (
                "terse",
                "correct",
                "K-means: fast and scalable but needs k and assumes convex clusters. DBSCAN: arbitrary shapes and noise handling, but sensitive to eps/minPts and scales worse.",
            ),
            (
                "negated",
                "incorrect",
                "K-means finds arbitrarily shaped clusters and flags outliers as noise, while DBSCAN needs you to set the number of clusters in advance and only finds spherical clusters.",
            ),
            ("partial", "partial", "K-means needs you to choose k in advance and DBSCAN doesn't."),
            (
                "extra-wrong",
                "incorrect",
                "K-means is fast and simple but you must fix k and it assumes convex clusters; DBSCAN finds arbitrary shapes and marks noise points but depends on eps and minPts. DBSCAN is also always faster than k-means on large datasets because it never iterates, so it is the better choice at scale.",
            ),
        ],
    ),
    (
        C000,
        ("qn", 20),
        [
            (
                "terse",
                "correct",
                "Translation: low temperature (close to 0) and a low top-p; creative writing and brainstorming: raise temperature and top-p for diversity.",
            ),
            (
                "negated",
                "incorrect",
                "Use a high temperature for translation so the model explores more candidate phrasings, and a low temperature for brainstorming so the ideas stay focused.",
            ),
            (
                "hedged",
                "correct",
                "Not totally sure about exact numbers, but I'd go low, around 0.2, for translation since you want the most likely, faithful output, and higher, maybe 0.9 to 1.0 with top-p around 0.95, for creative writing and brainstorming where diversity helps.",
            ),
            (
                "offtopic",
                "incorrect",
                "For translation I would use a dedicated seq2seq model like MarianMT, and for creative writing a large chat model like GPT-4.",
            ),
            ("partial", "partial", "Keep the temperature low for translation."),
        ],
    ),
    (
        C000,
        ("qn", 29),
        [
            (
                "paraphrased",
                "correct",
                "With two separate towers you can embed the whole catalogue once, ahead of time, and put the vectors in an approximate-nearest-neighbour index; at query time you embed only the query and do a fast lookup. A model that reads query and candidate together has to run once per pair at query time, which is hopeless for millions of candidates.",
            ),
            (
                "keywords-wrong",
                "incorrect",
                "Dual encoders are preferred because their embeddings are more accurate than cross-encoder scores; a cross-encoder cannot model interactions between query and document, and vector indexes like FAISS only work with dual-encoder outputs.",
            ),
            (
                "starts-with-skip",
                "correct",
                "No idea why some people say cross-encoders are always better, but for scale the point is this: with a dual encoder you encode every item once offline and store it in a vector index, so a query costs one encoder pass plus a nearest-neighbour search. A cross-encoder must run the full model on every query-candidate pair at query time, which is computationally prohibitive for large collections.",
            ),
            ("partial", "partial", "Dual encoders are faster."),
            (
                "partial",
                "partial",
                "Cross-encoders are too slow for big collections because they have to run the model on every query-document pair.",
            ),
        ],
    ),
    (
        C000,
        ("qn", 39),
        [
            (
                "terse",
                "correct",
                "Feed the same prompt to DeepSeek-R1 and score the text's perplexity under it: low perplexity supports the claim, high perplexity argues against it.",
            ),
            (
                "negated",
                "incorrect",
                "Compute the perplexity of the text under DeepSeek-R1; if it is high, that confirms R1 wrote it, since a model's own outputs are more surprising to it than human text.",
            ),
            (
                "partial",
                "partial",
                "Run the same prompt through DeepSeek-R1 and compare its output with the text.",
            ),
            ("idk", "incorrect", "I don't know."),
            ("partial", "partial", "Check the perplexity of the text."),
        ],
    ),
    (
        C000,
        ("qn", 41),
        [
            (
                "verbose",
                "correct",
                "Naive quantization uses one scale for the whole tensor, typically set by the largest absolute value, so a single outlier weight squeezes all the ordinary weights into a handful of quantization levels. Block-wise quantization cuts the weights into small blocks and gives each block its own scale, so an outlier only affects its own block, local value ranges are used well, and the error does not pile up across the matrix. You keep the memory savings of 4-bit storage while losing much less accuracy.",
            ),
            (
                "paraphrased",
                "correct",
                "Every small chunk of the matrix is normalised by its own max, so the quantization grid fits the local range of values; one extreme value no longer ruins precision for everything else, and the overall error stays small while compression stays high.",
            ),
            (
                "keywords-wrong",
                "incorrect",
                "Block-wise quantization still uses one global scaling factor for the whole weight matrix, but splits it into blocks so that blocks can be dequantized in parallel. The benefit is speed, not accuracy.",
            ),
            ("partial", "partial", "It keeps accuracy better than naive quantization."),
            (
                "extra-correct",
                "correct",
                "Each block (64 weights in QLoRA) gets its own absmax scaling constant, so outliers only distort their own block and the local distribution is preserved; quantization error doesn't accumulate across the whole matrix, and you keep high compression with accuracy close to 16-bit. QLoRA combines this with the NF4 data type and double quantization, which quantizes the per-block constants themselves to save another ~0.4 bits per parameter.",
            ),
        ],
    ),
    (
        C000,
        ("qn", 43),
        [
            (
                "verbose",
                "correct",
                "PPO is full reinforcement learning: you train or define a reward signal, sample from the policy and update it with a clipped objective. That makes it very general, since you can optimise any behaviour you can score, but it is complicated and fragile, with several models in memory and many hyperparameters. DPO skips the RL loop and the reward model: it turns pairs of preferred and rejected answers directly into a classification-style loss on the policy. It is much simpler, more stable and cheaper, but it is only as good as the preference data, and it can't explore beyond it.",
            ),
            (
                "negated",
                "incorrect",
                "DPO needs a separately trained reward model and online sampling during training, which makes it complex, while PPO learns directly from preference pairs and is the simpler, faster method.",
            ),
            ("partial", "partial", "DPO is simpler than PPO."),
            (
                "extra-correct",
                "correct",
                "PPO: on-policy RL against a reward model, can optimise arbitrary reward signals, but needs policy, reference, reward and value models in memory and is finicky to tune. DPO: derives a closed-form loss from the Bradley-Terry preference model, so the policy is trained directly on chosen/rejected pairs with an implicit reward beta*log(pi/pi_ref); no reward model, no sampling, simpler and faster, but it depends heavily on the quality and coverage of the preference data and is purely offline.",
            ),
            (
                "hedged",
                "correct",
                "I might be mixing details up, but I think PPO is the reinforcement-learning route: flexible, can optimise any reward, but complex to train and needs a reward signal. DPO learns straight from human preference pairs without any environment interaction or RL loop, so it's simpler and faster, although it relies on having good preference data.",
            ),
        ],
    ),
    (
        C000,
        ("qn", 44),
        [
            (
                "terse",
                "correct",
                "KL penalty towards the reference model, mix pretraining or diverse data into the RL batches, and an entropy bonus or reward shaping to keep answers diverse.",
            ),
            ("partial", "partial", "Add a KL penalty to the reward."),
            (
                "negated",
                "incorrect",
                "Remove the KL penalty so the policy can move freely away from the base model, and lower the entropy so it commits to the highest-reward answer faster.",
            ),
            (
                "offtopic",
                "incorrect",
                "PPO stands for Proximal Policy Optimization; it was published by OpenAI in 2017 and uses a clipped surrogate objective.",
            ),
        ],
    ),
    # ------------------------------------------------------------------ 002: ML concepts
    (
        C002,
        ("adm", "typical problems addressed with unsupervised"),
        [
            (
                "terse",
                "correct",
                "Clustering, dimensionality reduction, visualization, association rule mining.",
            ),
            ("partial", "partial", "Clustering."),
            (
                "negated",
                "incorrect",
                "Typical unsupervised problems are classification and regression, like predicting house prices from past labelled sales.",
            ),
            (
                "extra-correct",
                "correct",
                "Clustering (customer segmentation with k-means or DBSCAN), dimensionality reduction with PCA or autoencoders, visualization with t-SNE or UMAP, association rule mining such as market-basket analysis with Apriori, and also anomaly detection and density estimation.",
            ),
            (
                "hedged",
                "correct",
                "I think things like grouping similar data points, i.e. clustering, reducing the number of dimensions, visualizing high-dimensional data, and maybe finding association rules between items? Not sure if that's the full list.",
            ),
        ],
    ),
    (
        C002,
        ("adm", "Would detecting spam emails"),
        [
            ("terse", "correct", "Supervised: you train on emails labelled spam / not spam."),
            (
                "negated",
                "incorrect",
                "Unsupervised, because the model just clusters emails into two groups and never needs labels.",
            ),
            (
                "starts-with-skip",
                "correct",
                "Not sure about every edge case, but it's supervised: the classifier learns from emails that people have already marked as spam or not spam.",
            ),
            ("partial", "partial", "Supervised."),
            (
                "offtopic",
                "incorrect",
                "Spam filters often look at the sender's IP reputation and whether SPF and DKIM checks pass.",
            ),
        ],
    ),
    (
        C002,
        ("adm", "out-of-core learning"),
        [
            (
                "paraphrased",
                "correct",
                "When the data won't fit in RAM, you stream it from disk a piece at a time and update the model incrementally on each piece.",
            ),
            (
                "negated",
                "incorrect",
                "It means loading the entire dataset into memory at once and then training in mini-batches, as opposed to reading data from disk.",
            ),
            ("partial", "partial", "It's a way to handle really big datasets."),
            ("idk", "incorrect", "Never heard of it."),
            (
                "partial",
                "partial",
                "It's when you train the model in mini-batches instead of all at once.",
            ),
        ],
    ),
    (
        C002,
        ("adm", "model parameters and hyperparameters"),
        [
            (
                "terse",
                "correct",
                "Parameters are learned from data during training (weights); hyperparameters are set beforehand (learning rate, regularization strength).",
            ),
            (
                "negated",
                "incorrect",
                "Hyperparameters are the weights the model learns during training, and parameters are the settings like the learning rate that you choose before training.",
            ),
            (
                "verbose",
                "correct",
                "Model parameters are the numbers the training algorithm fits to the data, for example the coefficients of a linear regression or the weights and biases of a neural network; they determine what the trained model predicts. Hyperparameters are knobs outside that optimisation: you fix them before training starts, like the learning rate, the strength of regularization or the number of trees, and you choose them by trying values on validation data.",
            ),
            (
                "extra-wrong",
                "incorrect",
                "Parameters are learned from the data, like weights, and hyperparameters such as the learning rate are set before training. The learning rate itself, however, is also updated by gradient descent along with the weights, so it's really a parameter too.",
            ),
            (
                "partial",
                "partial",
                "Hyperparameters are things like the learning rate or the number of layers.",
            ),
        ],
    ),
    (
        C002,
        ("adm", "performs well on training data but poorly"),
        [
            (
                "terse",
                "correct",
                "Overfitting; get more data, regularize, simplify the model, clean noisy data.",
            ),
            (
                "negated",
                "incorrect",
                "That's underfitting. Fix it by making the model bigger and training it for longer.",
            ),
            ("partial", "partial", "It's overfitting."),
            (
                "extra-correct",
                "correct",
                "The model is overfitting: it memorised the training set, noise included. Remedies: more and more varied data or augmentation, regularization (L1/L2, dropout), a simpler model or fewer features, early stopping, cleaning noisy labels, and cross-validation to detect it.",
            ),
            (
                "hedged",
                "correct",
                "Hmm, I'd guess overfitting? If so, I'd try getting more diverse data, reducing model complexity, adding regularization, or removing noise from the data.",
            ),
        ],
    ),
    (
        C002,
        ("adm", "What role does a validation set play"),
        [
            (
                "paraphrased",
                "correct",
                "It's held-out data you use while building the model to choose between candidate models and settle hyperparameters, so that what you pick generalises instead of just fitting the training data.",
            ),
            (
                "keywords-wrong",
                "incorrect",
                "The validation set is used to update the model's weights during training, and the hyperparameters are then tuned on the test set.",
            ),
            ("partial", "partial", "It's used to check the model during training."),
            (
                "starts-with-skip",
                "correct",
                "Pass on the textbook definition, but it's the held-out data you use to compare models and tune hyperparameters, so the test set stays untouched for the final estimate.",
            ),
        ],
    ),
    (
        C002,
        ("adm", "train-dev dataset"),
        [
            (
                "verbose",
                "correct",
                "You carve a small slice out of the training data and don't train on it. It comes from the training distribution, unlike the validation and test sets, which come from the target or production distribution. You create one when you suspect the training data differs from what you'll see in production. After training on the rest, you compare errors: if train-dev error is much worse than training error, the model is overfitting; if train-dev is fine but validation is bad, the problem is data mismatch. Only then do you look at the validation set.",
            ),
            (
                "partial",
                "partial",
                "It's a part of the training set held out to check whether the model is overfitting.",
            ),
            (
                "negated",
                "incorrect",
                "A train-dev set is a sample of the production / test-distribution data that you add to the training data so the model sees the target distribution during training.",
            ),
            ("idk", "incorrect", "no idea"),
            (
                "partial",
                "partial",
                "You use it when the training data and the production data might come from different distributions.",
            ),
        ],
    ),
    (
        C002,
        ("adm", "adjust hyperparameters based on test set"),
        [
            (
                "terse",
                "correct",
                "You end up overfitting the test set, so the reported score is optimistically biased and no longer an unbiased estimate of generalization.",
            ),
            (
                "offtopic",
                "incorrect",
                "Usually you split the data 80/20 into training and test sets, and you should shuffle it before splitting.",
            ),
            (
                "negated",
                "incorrect",
                "It isn't problematic; tuning on the test set gives the most realistic estimate of real-world performance because the test data is unseen.",
            ),
            (
                "paraphrased",
                "correct",
                "Every time you pick a setting because it scored better on the test data, a bit of that data leaks into your choices. After enough rounds the model is tailored to that particular test set, the number you report looks better than it really is, and you have nothing independent left to tell you how it will do in production.",
            ),
            ("partial", "partial", "Because then the test set isn't really unseen anymore."),
        ],
    ),
    # ------------------------------------------------------------------ 002: LLM basics
    (
        C002,
        ("adm", "What is the training objective of large language models"),
        [
            ("terse", "correct", "Next-token prediction."),
            (
                "extra-correct",
                "correct",
                "Autoregressive next-token prediction: maximize the probability of each token given all previous ones, i.e. minimize cross-entropy / negative log-likelihood over huge text corpora. Chat models then add supervised instruction tuning and preference optimization (RLHF or DPO) on top of that pretraining objective.",
            ),
            (
                "negated",
                "incorrect",
                "They are trained to fill in masked-out words in the middle of a sentence using the context on both sides, not to predict what comes next.",
            ),
            (
                "offtopic",
                "incorrect",
                "The objective is to help people by answering their questions accurately, safely and politely.",
            ),
        ],
    ),
    (
        C002,
        ("adm", "Why are most modern LLMs decoder-only"),
        [
            (
                "verbose",
                "correct",
                "A decoder-only model is just one stack trained with next-token prediction, which is exactly how it is used at inference, so training and generation line up. With one stack and one objective it is simpler to scale and to parallelise, and every task can be written as text in, text out in a single stream, which suits multitask and in-context learning. At serving time it generates token by token with a KV cache, so it streams output with low latency and high throughput. Encoder-decoder models need two stacks, cross-attention and task-specific input/output splits, which is more complex for general-purpose generation.",
            ),
            ("partial", "partial", "Because they are good at generating text."),
            (
                "keywords-wrong",
                "incorrect",
                "Decoder-only models are used because they see the whole input bidirectionally, which makes them better at understanding than encoders, and an encoder can't stream tokens so it has to be dropped for generation.",
            ),
            (
                "hedged",
                "correct",
                "I'm not sure this is the official reason, but I think it's mainly simplicity: a single stack trained on next-token prediction matches how you generate, it's easier to scale, everything can be framed as one text stream, and token-by-token streaming inference is fast.",
            ),
            (
                "extra-wrong",
                "incorrect",
                "One simple stack, the architecture matches the next-token objective, it scales easily, every task becomes text-in/text-out, and token-by-token generation with a KV cache fits serving. Also, decoder-only models don't need any positional information, which is why their context length is unlimited.",
            ),
        ],
    ),
    (
        C002,
        ("adm", "difference between prefix LM and causal LM"),
        [
            (
                "terse",
                "correct",
                "Causal LM: every token attends only to earlier tokens. Prefix LM: the prefix attends bidirectionally, the continuation is generated causally.",
            ),
            (
                "negated",
                "incorrect",
                "In a prefix LM the prefix is processed causally, left to right, and the generated part can attend bidirectionally to everything, including future tokens.",
            ),
            ("partial", "partial", "A causal LM can only look at the previous tokens."),
            (
                "extra-correct",
                "correct",
                "Both use one Transformer stack; the difference is the attention mask. A causal LM (GPT, Llama) uses a strict lower-triangular mask everywhere. A prefix LM (T5 in prefix-LM mode, UL2, GLM) lets the tokens of the input prefix see each other in both directions and only applies the causal mask to the part being generated, so it gets encoder-like understanding of the input while still generating autoregressively. The cost is a more complex mixed mask and a less uniform training signal, since no loss is computed on the prefix tokens.",
            ),
        ],
    ),
    (
        C002,
        ("adm", "Which normalization method is used in different LLM"),
        [
            (
                "terse",
                "correct",
                "RMSNorm in a pre-norm arrangement, in almost all big decoder-only LLMs.",
            ),
            (
                "partial",
                "partial",
                "Pre-norm: the normalization is applied before the attention and feed-forward sublayers.",
            ),
            (
                "negated",
                "incorrect",
                "They use BatchNorm placed after the residual addition (post-norm), the same as ResNets.",
            ),
            (
                "extra-correct",
                "correct",
                "Modern decoder-only LLMs (LLaMA, Mistral, Qwen, Gemma) use RMSNorm in the pre-norm position. GPT-2/GPT-3 used pre-LN LayerNorm, while the original Transformer and BERT used post-LN LayerNorm; GLM-130B experimented with DeepNorm. RMSNorm drops the mean-centering, which is cheaper and works just as well.",
            ),
            ("idk", "incorrect", "I'm not sure, I don't know this one."),
        ],
    ),
    (
        C002,
        ("adm", "Swish formula"),
        [
            ("terse", "correct", "Swish(x) = x * sigmoid(x) = x / (1 + e^-x)."),
            (
                "hedged",
                "correct",
                "I think it's x divided by (1 + e^(-x))... i.e. x times the sigmoid of x, if I remember correctly.",
            ),
            (
                "keywords-wrong",
                "incorrect",
                "Swish(x) = 1 / (1 + e^-x), it's a smooth non-monotonic version of the sigmoid.",
            ),
            (
                "extra-correct",
                "correct",
                "Swish(x) = x * sigma(beta x); with beta = 1 it is x / (1 + e^-x), also called SiLU. It is smooth and non-monotonic (dips slightly below zero for negative x) and is the gate activation inside SwiGLU feed-forward blocks in LLaMA-style models.",
            ),
            (
                "offtopic",
                "incorrect",
                "ReLU(x) = max(0, x); it's the most common activation in CNNs because it's cheap and doesn't saturate for positive inputs.",
            ),
        ],
    ),
    # ------------------------------------------------------------------ 004: answered admonitions
    (
        C004,
        ("adm", "label smoothing"),
        [
            (
                "verbose",
                "correct",
                "With a one-hot target the loss keeps pushing the logit of the right token up forever, which makes the model overconfident and badly calibrated. Label smoothing replaces the target with a softened distribution: the true token gets 1 - eps and eps is spread uniformly over the vocabulary of size V. Plugging that into cross-entropy gives L = -(1 - eps) log p_y - (eps / V) * sum_k log p_k, i.e. (1 - eps) times the usual loss plus eps times the average negative log-probability over all tokens. The second term penalizes putting all the mass on one token, which regularizes and improves generalization.",
            ),
            (
                "partial",
                "partial",
                "It prevents overconfidence by softening the one-hot targets a bit.",
            ),
            (
                "negated",
                "incorrect",
                "Label smoothing makes the model more confident: it sharpens the target so the correct token's probability is pushed even closer to 1, which gives a lower loss.",
            ),
            (
                "terse",
                "correct",
                "To stop overconfidence and generalize better: target = (1 - eps) on the true token + eps spread uniformly, so loss = (1 - eps) * (-log p_y) + eps * mean over k of (-log p_k).",
            ),
            (
                "partial",
                "partial",
                "You move a small amount epsilon of the probability from the correct token onto the other tokens, so the target is no longer one-hot.",
            ),
        ],
    ),
    (
        C004,
        ("adm", "hard and soft attention"),
        [
            (
                "terse",
                "correct",
                "Hard: picks discrete positions, not differentiable. Soft: continuous weighted average over all positions, differentiable.",
            ),
            (
                "negated",
                "incorrect",
                "Hard attention is the differentiable one, trained with ordinary backprop; soft attention samples a single location and therefore needs reinforcement learning to train.",
            ),
            (
                "extra-correct",
                "correct",
                "Soft attention takes a softmax-weighted average over all positions, so it is continuous and differentiable and trains end to end with backprop (this is what Transformers use). Hard attention samples or selects one (or a few) positions, which is discrete and non-differentiable, so it needs REINFORCE-style estimators or Gumbel tricks; it is cheaper at inference but noisier to train, as in Show, Attend and Tell.",
            ),
            (
                "partial",
                "partial",
                "Hard attention picks one position, soft attention spreads weights over all the positions.",
            ),
            ("idk", "incorrect", "No clue."),
        ],
    ),
    (
        C004,
        ("adm", "maximum likelihood estimation for language"),
        [
            (
                "paraphrased",
                "correct",
                "You pick the weights under which the training text is as probable as possible. For a language model the probability of a sentence factorises by the chain rule into a product of next-token conditionals, and taking the log and flipping the sign turns maximizing that product into minimizing the summed per-token negative log-probabilities, which is just the cross-entropy loss used in training.",
            ),
            (
                "keywords-wrong",
                "incorrect",
                "MLE maximizes the negative log-likelihood of the training text, which is the same as minimizing the probability the model assigns to the data.",
            ),
            (
                "partial",
                "partial",
                "You choose the parameters that maximize the likelihood of the data.",
            ),
            (
                "verbose",
                "correct",
                "Maximum likelihood means choosing parameters theta to make the observed corpus as likely as possible. A language model writes a sequence's probability as P(x_1) P(x_2 | x_1) P(x_3 | x_1, x_2) and so on. Products of many small numbers are awkward, so we take logs, which turns the product into a sum, and since optimizers minimize, we negate it: maximizing likelihood, maximizing log-likelihood and minimizing negative log-likelihood are all the same thing. For 'The cat sat on the mat' the model is trained to raise P(The) * P(cat | The) * P(sat | The cat) and so on.",
            ),
        ],
    ),
    (
        C004,
        ("adm", "What is negative log-likelihood? Write the per-token"),
        [
            (
                "terse",
                "correct",
                "NLL(theta) = -sum_t log P(x_t | x_<t; theta); per token the loss is -log P(x_t | x_1..x_{t-1}).",
            ),
            (
                "keywords-wrong",
                "incorrect",
                "The per-token loss for GPT is -log P(x_t | x_{>t}): each token is predicted from the tokens that come after it, and the NLL is the sum of these.",
            ),
            (
                "hedged",
                "correct",
                "I believe it's just minus the log-likelihood: you sum log P(x_t given all earlier tokens) over the sequence and negate it, so for one token the loss is -log P(x_t | x_<t). Not 100% sure about notation but that's the idea.",
            ),
            (
                "partial",
                "partial",
                "It's the negative of the log-likelihood and it's used as the training loss.",
            ),
        ],
    ),
    (
        C004,
        ("adm", "Compare cross-entropy, perplexity, and BLEU"),
        [
            (
                "verbose",
                "correct",
                "Cross-entropy is the average negative log-probability the model gives to the actual next tokens, i.e. how well its predicted distribution matches the data. Perplexity is exp(cross-entropy), which you can read as the effective number of tokens the model is choosing between. BLEU is completely different: it counts n-gram overlap between a generated text and reference texts, with no probabilities involved. Perplexity misleads because it only measures how predictable text is, not whether outputs are correct or useful: it isn't comparable across different tokenizers or vocabularies, it can look great in-domain while the model is useless on the task, fluent but wrong text can score well, it doesn't fit non-autoregressive or retrieval-augmented setups well, and an overfit model has low perplexity on its training data.",
            ),
            (
                "partial",
                "partial",
                "Cross-entropy is the loss, perplexity is the exponential of cross-entropy, and BLEU measures n-gram overlap with a reference translation.",
            ),
            (
                "keywords-wrong",
                "incorrect",
                "Perplexity is the exponential of BLEU and measures n-gram overlap with the reference; higher perplexity is better. Cross-entropy is used only for classification, so it can't be compared with perplexity.",
            ),
            (
                "extra-correct",
                "correct",
                "CE = average -log p(correct token); PPL = exp(CE), a probabilistic intrinsic metric; BLEU = modified n-gram precision against references with a brevity penalty, an extrinsic, reference-based metric. Perplexity misleads when tokenizers or vocabularies differ (not comparable across models), under domain mismatch, when the task needs correctness or usefulness rather than likelihood, for models not trained purely on next-token likelihood, and when the model has memorised the evaluation text (contamination/overfitting). It also says nothing about factuality, so a fluent hallucination can have low perplexity.",
            ),
            (
                "offtopic",
                "incorrect",
                "BLEU was introduced by IBM in 2002 and ROUGE is used for summarization instead.",
            ),
        ],
    ),
    # ------------------------------------------------------------------ bare questions (no answer in the file)
    (
        C000,
        ("qn-bare", 1),
        [
            (
                "verbose",
                "correct",
                "Encoder-only models such as BERT see the whole input in both directions, which gives strong representations for classification, tagging, retrieval and embeddings, but they aren't built to generate free text. Decoder-only models such as GPT generate left to right, match the next-token objective, scale simply and support prompting and in-context learning, but each token only sees its left context, and long generation is sequential and costly. Encoder-decoder models such as T5 or BART encode the input bidirectionally and decode with cross-attention, which is great for input-to-output tasks like translation and summarization, but they have two stacks and more complexity, and are less convenient for open-ended chat and very large scaling.",
            ),
            (
                "partial",
                "partial",
                "BERT-style models are good for classification and GPT-style models are good for generation.",
            ),
            (
                "negated",
                "incorrect",
                "Encoder-only models like BERT are the best for open-ended generation because they see both directions, while decoder-only GPT models are mainly used for classification and embeddings since they can't generate.",
            ),
            ("idk", "incorrect", "no idea"),
        ],
    ),
    (
        C001,
        ("bare", "only KV in the KV cache, not Q"),
        [
            (
                "verbose",
                "correct",
                "During decoding, the new token's output only needs the new token's query, dotted with the keys and values of every earlier token. Earlier tokens' queries were only needed to compute those earlier tokens' own outputs, and with a causal mask those outputs never change when new tokens arrive, so old queries are never used again. Keys and values of past tokens, in contrast, are read by every future query, so they are what is worth caching. The apparent symmetry of Q and K in the formula doesn't matter; what matters is which side is reused over time.",
            ),
            (
                "negated",
                "incorrect",
                "Q is cached as well in most implementations; the name 'KV cache' is just historical. Each step re-uses all previous queries together with the keys and values.",
            ),
            ("partial", "partial", "Because the query changes at every step."),
            (
                "keywords-wrong",
                "incorrect",
                "Because Q and K are symmetric, caching K is enough: the query can be recovered from the cached key matrix, so storing Q as well would be redundant.",
            ),
        ],
    ),
    (
        C003,
        ("bare", "gradient checkpointing useful"),
        [
            (
                "terse",
                "correct",
                "It trades compute for memory: keep only some activations in the forward pass and recompute the rest during backward, so larger models, batches or sequence lengths fit on the GPU.",
            ),
            (
                "negated",
                "incorrect",
                "It speeds up training by saving all intermediate activations, so that the backward pass never has to recompute anything.",
            ),
            (
                "starts-with-skip",
                "correct",
                "Skip storing most activations, that's the trick: you keep activations only at checkpoints, say layer boundaries, and recompute the ones in between during the backward pass. Activation memory drops a lot (roughly from O(n) layers to O(sqrt n)) at the cost of about one extra forward pass, around 30% more compute, which is what lets big models or long contexts fit in GPU memory.",
            ),
            (
                "keywords-wrong",
                "incorrect",
                "Gradient checkpointing periodically saves the model weights and optimizer state to disk, so if a node crashes during a long training run you can resume from the last checkpoint.",
            ),
            ("partial", "partial", "It saves GPU memory."),
        ],
    ),
    (
        C002,
        ("bare", "overflows the float limit"),
        [
            (
                "terse",
                "correct",
                "Subtract the max logit before exponentiating: softmax is shift-invariant, so the result is unchanged and every exp is at most 1.",
            ),
            (
                "extra-correct",
                "correct",
                "Use the max-subtraction trick: softmax(x) = softmax(x - max(x)), so the largest exponent is e^0 = 1 and nothing overflows. For the loss, compute log-softmax directly with log-sum-exp (logsumexp(x) = m + log sum exp(x - m)) instead of taking log of the softmax, which also avoids log(0) underflow; frameworks fuse this into cross_entropy, and it's common to accumulate in fp32 when training in fp16.",
            ),
            (
                "partial",
                "partial",
                "Use a higher precision type, like float64, so the exponent doesn't overflow.",
            ),
            ("idk", "incorrect", "Pass, I don't know."),
        ],
    ),
    (
        C001,
        ("bare", "Why are residual connections needed in Transformer"),
        [
            (
                "starts-with-skip",
                "correct",
                "Skip connections let the gradient flow straight back through the identity path, so a deep stack of attention and feed-forward layers can be trained without vanishing gradients. Each sublayer only has to learn an update added to the residual stream, and the original input information is preserved through the depth of the network.",
            ),
            (
                "partial",
                "partial",
                "They keep the original input information so it isn't lost in later layers.",
            ),
            (
                "keywords-wrong",
                "incorrect",
                "Residual connections are needed to add the positional encoding back into each layer; without them the deeper layers would lose word order.",
            ),
            (
                "offtopic",
                "incorrect",
                "The Transformer was introduced in 'Attention Is All You Need' in 2017 and has an encoder and a decoder with six layers each.",
            ),
        ],
    ),
]
